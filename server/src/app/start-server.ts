import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Clock, WorkingCalendar } from '@tongban/engine';
import { join } from 'node:path';
import { loadCalendar } from '../calendar/index.js';
import { connectorJobHandlers, seedDemoConnectors } from '../connectors/index.js';
import type { ServerConfig } from '../config/index.js';
import { deployProcessFolder, ParsePool } from '../definitions/index.js';
import { Scheduler, type JobHandlers } from '../scheduler/index.js';
import { seedDemo } from '../seed/seed.js';
import { apiDocs } from './api-docs.js';
import { createApp } from './create-app.js';
import { allRoutes } from './routes.js';
import { createServices, type Services } from './services.js';

export interface StartOptions {
  readonly config: ServerConfig;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
  /** Tests move time by hand. */
  readonly clock?: Clock;
  readonly calendar?: WorkingCalendar;
  /** Handlers for service-task jobs, by connector name; by default the connector catalogue's. */
  readonly jobHandlers?: JobHandlers;
  /** How connectors reach their sources; tests may route them. */
  readonly fetch?: typeof fetch;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly services: Services;
  readonly server: Server;
  /** Fires timers and runs jobs; its loop runs only when `config.scheduler` is on, `runOnce()` always works. */
  readonly scheduler: Scheduler;
  /** Stops the scheduler, stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** Keys pino removes from every log line, wherever they appear. */
const REDACT = ['password', '*.password', 'token', '*.token', 'csrfToken', '*.csrfToken', 'cookie', '*.cookie', 'authorization', '*.authorization', 'variables', '*.variables'];

export function createLogger(level: ServerConfig['logLevel']): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } });
}

/**
 * Opens the store, seeds the demo accounts, deploys the process folder,
 * and listens. Used by `main.ts` and by the integration tests (port 0).
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const services = createServices({
    config, logger, env: options.env ?? {},
    ...(options.clock ? { clock: options.clock } : {}), ...(options.calendar ? { calendar: options.calendar } : {}), ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const pool = new ParsePool();
  let ready = false;
  let closing = false;
  try {
    // The administrator's overrides; a calendar passed in (tests) is used as given.
    if (!options.calendar) loadCalendar(services);
    if (config.seedDemo) {
      const seeded = await seedDemo(services, config.demoPassword);
      if (seeded.users + seeded.departments > 0) logger.info(seeded, 'demo departments and users created');
      if (config.demoExchangePort !== undefined) {
        const connectors = seedDemoConnectors(services.connectors, services.audit, {
          dir: join(config.processesDir, 'connectors'), exchangeOrigin: `http://127.0.0.1:${config.demoExchangePort}`, at: services.clock.now().toISOString(),
        });
        if (connectors.created.length > 0) logger.info({ created: connectors.created }, 'demo connectors created');
        for (const refused of connectors.refused) logger.error(refused, 'demo connector refused');
      }
    }
    const deployment = await deployProcessFolder(services, pool, config.processesDir);
    logger.info({ deployed: deployment.deployed, unchanged: deployment.unchanged.length }, 'processes deployed');
    for (const refused of deployment.refused) {
      logger.error({ file: refused.file, problems: refused.problems.map((p) => `${p.code} ${p.elementId ?? ''}`.trim()) }, 'process refused');
    }
  } catch (error) {
    await pool.close();
    services.close();
    throw error;
  }

  const routes = allRoutes(services, { pool, ready: () => ready && !closing });
  const app = createApp(services, { routes, extra: [apiDocs(routes, config.publicUrl)] });
  const server = createServer(app.callback());
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // Longer than the browsers' and proxies' idle timeouts, so they, not we, close idle connections.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  ready = true;
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'listening');
  const handlers = options.jobHandlers ?? connectorJobHandlers({ registry: services.connectors, runtime: services.runtime, provenance: services.provenance, audit: services.audit });
  const scheduler = new Scheduler(services, { handlers });
  if (config.scheduler) scheduler.start();

  return {
    url: `http://127.0.0.1:${port}`,
    services,
    server,
    scheduler,
    async close() {
      if (closing) return;
      closing = true;
      // First, so no tick writes to a store about to close.
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pool.close();
      services.close();
    },
  };
}
