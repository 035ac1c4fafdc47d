import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Everything the server reads from the environment, checked once at start:
 * a wrong value stops the server with the variable's name rather than
 * surfacing later as odd behaviour.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data'),
  /** Where browsers reach the server; decides the cookie's Secure flag and the allowed Origin. */
  TONGBAN_PUBLIC_URL: z.url().optional(),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  TONGBAN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TONGBAN_DEMO_PASSWORD: z.string().min(1).default('tongban'),
  /** `false` for a real deployment: no demo users are created. */
  TONGBAN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Folder of "one thing" packages deployed at start. */
  TONGBAN_PROCESSES_DIR: z.string().min(1).default('processes'),
  TONGBAN_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  TONGBAN_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  TONGBAN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** Requests per second each user may make, and the burst above it. */
  TONGBAN_RATE_PER_SECOND: z.coerce.number().positive().default(100),
  TONGBAN_RATE_BURST: z.coerce.number().int().positive().default(300),
  /** How often the scheduler looks for due timers and pending jobs. */
  TONGBAN_SCHEDULER_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  /** `false` stops this process firing timers (another node does). */
  TONGBAN_SCHEDULER: z.enum(['true', 'false']).default('true'),
  /**
   * The demo shared-data service (数据共享交换) `pnpm start` runs beside the server on loopback, and the demo connectors that
   * call it; `external`: the connectors only, for an exchange started on its own (benchmarks); `false` for a real deployment.
   */
  TONGBAN_DEMO_EXCHANGE: z.enum(['true', 'external', 'false']).default('true'),
  TONGBAN_DEMO_EXCHANGE_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  /** How long opening a form waits for its prefill sources, all of them together. */
  TONGBAN_PREFILL_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly publicUrl: string;
  /** Cookies get `Secure` and the `__Host-` prefix unless the server is plain http on localhost. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly demoPassword: string;
  readonly seedDemo: boolean;
  readonly processesDir: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  readonly schedulerIntervalMs: number;
  readonly scheduler: boolean;
  readonly logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Where the demo exchange listens, for the demo connectors; undefined: no demo exchange. */
  readonly demoExchangePort: number | undefined;
  /** Whether `main.ts` starts the demo exchange itself. */
  readonly startDemoExchange: boolean;
  readonly prefillDeadlineMs: number;
}

export class ConfigError extends Error {}

export function readConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.TONGBAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const url = new URL(publicUrl);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.DATA_DIR),
    publicUrl: url.origin,
    secureCookies: !(url.protocol === 'http:' && isLoopback(url.hostname)),
    trustProxy: e.TONGBAN_TRUST_PROXY === 'true',
    demoPassword: e.TONGBAN_DEMO_PASSWORD,
    seedDemo: e.TONGBAN_SEED_DEMO === 'true',
    processesDir: resolve(cwd, e.TONGBAN_PROCESSES_DIR),
    synchronous: e.TONGBAN_SQLITE_SYNCHRONOUS,
    sessionIdleMs: e.TONGBAN_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.TONGBAN_SESSION_ABSOLUTE_HOURS * 3_600_000,
    ratePerSecond: e.TONGBAN_RATE_PER_SECOND,
    rateBurst: e.TONGBAN_RATE_BURST,
    schedulerIntervalMs: e.TONGBAN_SCHEDULER_INTERVAL_MS,
    scheduler: e.TONGBAN_SCHEDULER === 'true',
    logLevel: e.LOG_LEVEL,
    demoExchangePort: e.TONGBAN_DEMO_EXCHANGE !== 'false' ? e.TONGBAN_DEMO_EXCHANGE_PORT : undefined,
    startDemoExchange: e.TONGBAN_DEMO_EXCHANGE === 'true',
    prefillDeadlineMs: e.TONGBAN_PREFILL_DEADLINE_MS,
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
