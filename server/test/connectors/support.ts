import { startDemoExchange, type DemoExchange } from '@tongban/connectors';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/harness.js';

export const WANG = '110105200001011238';
export const COMPANY = '91110108123456788E';

export interface ExchangeServer {
  readonly server: TestServer;
  readonly exchange: DemoExchange;
  dispose(): Promise<void>;
}

/**
 * A real server whose demo connectors (seeded from `processes/connectors/`)
 * call a real demo exchange on an ephemeral loopback port, as `pnpm start`
 * wires them on port 3100.
 */
export async function startWithExchange(options: TestServerOptions = {}): Promise<ExchangeServer> {
  const exchange = await startDemoExchange({ hangMs: 10_000 });
  const port = new URL(exchange.url).port;
  const server = await startTestServer({ ...options, env: { TONGBAN_DEMO_EXCHANGE: 'true', TONGBAN_DEMO_EXCHANGE_PORT: port, ...options.env } });
  return {
    server, exchange,
    dispose: async () => {
      await server.dispose();
      await exchange.close();
    },
  };
}

/** The seeded declaration of a demo connector, as an administrator reads it. */
export async function declarationOf(server: TestServer, id: string): Promise<Record<string, unknown>> {
  const admin = await server.signIn('admin');
  const read = await admin.get<{ declaration: Record<string, unknown> }>(`/api/connectors/${id}`);
  if (read.status !== 200) throw new Error(read.text);
  return read.body.declaration;
}

/** Replaces a demo connector's declaration with the given changes (a failure hook header, a shorter timeout). */
export async function adjustConnector(server: TestServer, id: string, change: (declaration: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const admin = await server.signIn('admin');
  const { id: _id, ...declaration } = await declarationOf(server, id);
  const put = await admin.put(`/api/connectors/${id}`, change(declaration));
  if (put.status !== 200) throw new Error(put.text);
}

export const failHook = (kind: '500' | 'timeout' | 'malformed') => (d: Record<string, unknown>) => ({
  ...d, headers: { ...(d.headers as object), 'X-Demo-Fail': { value: kind } }, retries: { max: 0, backoffMs: 0 },
});
