import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_API_KEY } from '@tongban/connectors';
import type { AuditTrail } from '../audit/index.js';
import type { ConnectorRegistry } from './connector-registry.js';

/** The origin the declarations in `processes/connectors/` are written for: the demo exchange's default port. */
export const SEEDED_ORIGIN = 'http://127.0.0.1:3100';
export const DEMO_SECRET = 'demo-exchange-api-key';

export interface SeedResult {
  readonly created: string[];
  readonly refused: { readonly file: string; readonly problems: readonly string[] }[];
}

/**
 * For the demo start: the connectors of the demo processes, pointed at the
 * demo exchange wherever it listens, with its origin allowed and its API
 * key stored as a sealed secret. Connectors an administrator already has
 * are left as they are.
 */
export function seedDemoConnectors(registry: ConnectorRegistry, audit: AuditTrail, options: { dir: string; exchangeOrigin: string; at: string }): SeedResult {
  const result: SeedResult = { created: [], refused: [] };
  if (!existsSync(options.dir)) return result;
  registry.addOrigin(options.exchangeOrigin, options.at);
  if (!registry.secrets().some((s) => s.name === DEMO_SECRET)) registry.setSecret(DEMO_SECRET, DEFAULT_API_KEY, options.at);
  for (const file of readdirSync(options.dir).filter((f) => f.endsWith('.json')).sort()) {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(readFileSync(join(options.dir, file), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      result.refused.push({ file, problems: [`not JSON: ${(error as Error).message}`] });
      continue;
    }
    const id = typeof raw.id === 'string' ? raw.id : file.replace(/\.json$/, '');
    if (registry.get(id)) continue;
    const url = typeof raw.url === 'string' ? raw.url.replace(SEEDED_ORIGIN, options.exchangeOrigin) : raw.url;
    const put = registry.put(id, { ...raw, url }, options.at);
    if (put.ok) result.created.push(id);
    else result.refused.push({ file, problems: put.problems.map((p) => `${p.path}: ${p.message}`) });
  }
  if (result.created.length > 0) audit.append({ at: options.at, action: 'seed.connectors', details: { created: result.created, origin: options.exchangeOrigin } });
  return result;
}
