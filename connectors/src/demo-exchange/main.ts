/**
 * CLI: start the demo exchange and print its URL.
 *   --port / DEMO_EXCHANGE_PORT (default 3100), --seed / DEMO_EXCHANGE_SEED,
 *   --latency-ms / DEMO_EXCHANGE_LATENCY_MS, --latency-jitter-ms / DEMO_EXCHANGE_LATENCY_JITTER_MS.
 */
import { parseCli } from './cli.js';
import { startDemoExchange } from './server.js';

const parsed = parseCli(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const exchange = await startDemoExchange(parsed.options);
console.log(`demo exchange listening on ${exchange.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void exchange.close().then(() => process.exit(0));
  });
}
