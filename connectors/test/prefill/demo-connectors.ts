import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConnector, type Connector } from '../../src/index.js';

const DIR = join(import.meta.dirname, '../../../processes/connectors');
const SEEDED_ORIGIN = 'http://127.0.0.1:3100';

/** The demo processes' connector declarations, rebased onto a demo exchange started by the test. */
export function demoConnectors(origin: string, adjust: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw): Connector[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).map((file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
    const rebased = adjust({ ...raw, url: String(raw.url).replace(SEEDED_ORIGIN, origin) });
    const parsed = parseConnector(rebased, { allowedOrigins: [origin] });
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    return parsed.connector;
  });
}
