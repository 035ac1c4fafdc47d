import { startDemoExchange } from '@tongban/connectors';
import { readConfig } from './config/index.js';
import { createLogger, startServer } from './app/start-server.js';

/**
 * `pnpm start`: the server on PORT (3000), data under DATA_DIR (data/).
 * SIGTERM and SIGINT stop accepting connections and finish the requests in
 * flight before the store is closed.
 */
const config = readConfig(process.env, process.cwd());
const logger = createLogger(config.logLevel);
// The demo shared-data service, on loopback, so the default start has registries to call.
const exchange = config.startDemoExchange && config.demoExchangePort !== undefined ? await startDemoExchange({ port: config.demoExchangePort }) : undefined;
const running = await startServer({ config, env: process.env, logger });
console.log(`通办 Tongban: ${config.publicUrl}  (API document: ${config.publicUrl}/api/docs)`);
if (exchange) console.log(`演示数据共享交换 demo exchange: ${exchange.url}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    running.close().then(() => exchange?.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
