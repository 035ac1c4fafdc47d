/** A real loopback HTTP server whose handler each test sets, recording what it received. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConnector, type Connector } from '../../src/model/index.js';

export type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export async function startServer() {
  const received: Received[] = [];
  let handler: Handler = (_req, res) => res.end('{}');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    handle(next: Handler) {
      handler = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** A valid declaration against `origin`, with overrides. */
export function connector(origin: string, overrides: Record<string, unknown> = {}): Connector {
  const declaration = {
    id: 'population',
    name: '人口基础信息',
    nameEn: 'Population register',
    purpose: '核验申请人身份并预填姓名、出生日期',
    method: 'GET',
    url: `${origin}/persons/{citizenId}`,
    query: { scope: '"basic"' },
    headers: { 'X-Api-Key': { secret: 'populationKey' }, 'X-Caller': { value: 'tongban' } },
    timeoutMs: 2_000,
    retries: { max: 2, backoffMs: 0 },
    circuitBreaker: { failureThreshold: 3, resetAfterMs: 60_000 },
    cacheTtlMs: 0,
    maxResponseBytes: 10_000,
    fields: {
      name: { path: '$.data.name', type: 'string', personal: true },
      idNumber: { path: '$.data.idNumber', type: 'citizenId', personal: true },
      birthDate: { path: 'data.birth', type: 'date', personal: true },
      firstLicence: { path: 'data.licences[0].code', type: 'creditCode', personal: false },
    },
    ...overrides,
  };
  const parsed = parseConnector(declaration, { allowedOrigins: [origin] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.connector;
}
