/** Starts the real demo exchange on an ephemeral port and calls it with the API key. */
import { DEFAULT_API_KEY, startDemoExchange, type DemoExchangeOptions } from '../../src/demo-exchange/index.js';

export async function start(options: DemoExchangeOptions = {}) {
  const exchange = await startDemoExchange({ port: 0, ...options });
  return {
    ...exchange,
    async get(path: string, headers: Record<string, string> = {}) {
      const res = await fetch(exchange.url + path, { headers: { 'x-api-key': DEFAULT_API_KEY, ...headers } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}
