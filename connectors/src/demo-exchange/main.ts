/** CLI: start the demo exchange on DEMO_EXCHANGE_PORT (default 3100) and print its URL. */
import { startDemoExchange } from './server.js';

const port = Number(process.env.DEMO_EXCHANGE_PORT ?? 3100);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`DEMO_EXCHANGE_PORT must be a port number, got ${process.env.DEMO_EXCHANGE_PORT}`);
  process.exit(1);
}
const exchange = await startDemoExchange({ port });
console.log(`demo exchange listening on ${exchange.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void exchange.close().then(() => process.exit(0));
  });
}
