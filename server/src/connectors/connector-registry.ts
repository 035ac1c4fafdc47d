import {
  checkTemplateOrigin, createConnectorClient, parseConnector,
  type Connector, type ConnectorClient, type ConnectorProblem,
} from '@tongban/connectors';
import type { ConnectorTables, SecretInfo } from './connector-tables.js';
import type { SecretBox } from './secret-box.js';

export interface CatalogueEntry {
  readonly connector: Connector;
  readonly updatedAt: string;
  readonly updatedBy?: string;
  /** Secrets its headers name, and whether each has a value (never the value). */
  readonly secrets: readonly { readonly name: string; readonly set: boolean }[];
}

export type PutResult = { ok: true; connector: Connector; created: boolean } | { ok: false; problems: ConnectorProblem[] };

export interface RegistryOptions {
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/**
 * The connector catalogue an administrator keeps: declarations validated
 * against the origin allow-list, secrets sealed at rest and opened only to
 * build a request. Calls go through one client built from the catalogue;
 * any change rebuilds it (and with it the circuit breakers and cache), which
 * is what an administrator who has just fixed a connector expects.
 */
export class ConnectorRegistry {
  private client: ConnectorClient | undefined;
  private entries: Map<string, CatalogueEntry> | undefined;

  constructor(
    private readonly tables: ConnectorTables,
    private readonly box: SecretBox,
    private readonly options: RegistryOptions = {},
  ) {}

  catalogue(): CatalogueEntry[] {
    return [...this.load().values()];
  }

  get(id: string): CatalogueEntry | undefined {
    return this.load().get(id);
  }

  origins(): string[] {
    return this.tables.origins();
  }

  put(id: string, declaration: unknown, at: string, user?: string): PutResult {
    const body = declaration !== null && typeof declaration === 'object' && !Array.isArray(declaration) ? declaration : {};
    const parsed = parseConnector({ ...body, id }, { allowedOrigins: this.tables.origins() });
    if (!parsed.ok) return parsed;
    const created = !this.load().has(id);
    this.tables.putConnector(id, parsed.connector, at, user);
    this.invalidate();
    return { ok: true, connector: parsed.connector, created };
  }

  remove(id: string): boolean {
    const removed = this.tables.deleteConnector(id);
    if (removed) this.invalidate();
    return removed;
  }

  addOrigin(origin: string, at: string, user?: string): boolean {
    const added = this.tables.addOrigin(origin, at, user);
    if (added) this.invalidate();
    return added;
  }

  /** The connectors that still call an origin; it may go only when none does. */
  usersOfOrigin(origin: string): string[] {
    return this.catalogue().filter((e) => checkTemplateOrigin(e.connector.url, [origin]).ok).map((e) => e.connector.id);
  }

  removeOrigin(origin: string): boolean {
    const removed = this.tables.deleteOrigin(origin);
    if (removed) this.invalidate();
    return removed;
  }

  secrets(): SecretInfo[] {
    return this.tables.secrets();
  }

  setSecret(name: string, value: string, at: string, user?: string): void {
    this.tables.putSecret(name, this.box.seal(name, value), at, user);
    this.invalidate();
  }

  removeSecret(name: string): boolean {
    const removed = this.tables.deleteSecret(name);
    if (removed) this.invalidate();
    return removed;
  }

  /** The client over the current catalogue. */
  connectorClient(): ConnectorClient {
    if (this.client) return this.client;
    const secretValues = new Map<string, string | undefined>();
    this.client = createConnectorClient({
      connectors: this.catalogue().map((e) => e.connector),
      allowedOrigins: this.tables.origins(),
      // Opened on first use and kept in memory only, never logged.
      secrets: (name) => {
        if (!secretValues.has(name)) {
          const sealed = this.tables.sealedSecret(name);
          secretValues.set(name, sealed ? this.box.open(name, sealed) : undefined);
        }
        return secretValues.get(name);
      },
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    return this.client;
  }

  private load(): Map<string, CatalogueEntry> {
    if (this.entries) return this.entries;
    const origins = this.tables.origins();
    const withValue = new Set(this.tables.secrets().map((s) => s.name));
    this.entries = new Map();
    for (const row of this.tables.connectors()) {
      // Rows were validated when saved; an origin removed since then still shows, and its calls are refused.
      const parsed = parseConnector(row.record, { allowedOrigins: origins });
      const connector = parsed.ok ? parsed.connector : (row.record as Connector);
      const secretNames = [...new Set(Object.values(connector.headers).flatMap((h) => ('secret' in h ? [h.secret] : [])))];
      this.entries.set(row.id, {
        connector, updatedAt: row.updatedAt, ...(row.updatedBy !== undefined ? { updatedBy: row.updatedBy } : {}),
        secrets: secretNames.map((name) => ({ name, set: withValue.has(name) })),
      });
    }
    return this.entries;
  }

  private invalidate(): void {
    this.client = undefined;
    this.entries = undefined;
  }
}
