/**
 * Command-line and environment options of main.ts, parsed apart from start-up
 * so a typo is a clear message, never a silently ignored setting.
 * A flag wins over its environment variable.
 */
import { parseArgs } from 'node:util';
import { MAX_LATENCY_MS } from './latency.js';
import type { DemoExchangeOptions } from './server.js';

export const DEFAULT_CLI_PORT = 3100;

type Setting = { flag: string; env: string; max: number };

const SETTINGS = {
  port: { flag: 'port', env: 'DEMO_EXCHANGE_PORT', max: 65_535 },
  seed: { flag: 'seed', env: 'DEMO_EXCHANGE_SEED', max: 0xff_ff_ff_ff },
  latencyMs: { flag: 'latency-ms', env: 'DEMO_EXCHANGE_LATENCY_MS', max: MAX_LATENCY_MS },
  latencyJitterMs: { flag: 'latency-jitter-ms', env: 'DEMO_EXCHANGE_LATENCY_JITTER_MS', max: MAX_LATENCY_MS },
} as const satisfies Record<string, Setting>;

export type CliResult = { ok: true; options: DemoExchangeOptions } | { ok: false; message: string };

export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.values(SETTINGS).map((s) => [s.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const options: DemoExchangeOptions = { port: DEFAULT_CLI_PORT };
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof typeof SETTINGS, Setting][]) {
    const flagValue = values[setting.flag];
    const raw = typeof flagValue === 'string' ? flagValue : env[setting.env];
    if (raw === undefined || raw === '') continue;
    // Plain digits only: Number('1e3') or Number(' 5 ') would slip through otherwise.
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value <= setting.max)) {
      const source = typeof flagValue === 'string' ? `--${setting.flag}` : setting.env;
      return { ok: false, message: `${source} must be an integer from 0 to ${setting.max}, got ${raw}` };
    }
    options[key] = value;
  }
  return { ok: true, options };
}
