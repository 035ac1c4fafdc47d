import { z } from 'zod';
import type { Context } from 'koa';
import type { ConnectorRegistry, FormPrefill } from '../connectors/index.js';
import { maskDeclaredPersonal } from '../masking/index.js';

const Source = z.object({ connectorId: z.string(), at: z.string(), correlationId: z.string() });

export const FormPrefillView = z.object({
  prefillId: z.string().describe('Send back with the submission (prefillId), so the server knows what it prefilled'),
  form: z.string().optional(),
  expiresAt: z.string(),
  variables: z.record(z.string(), z.unknown()).describe('The prefilled values, to merge into the form'),
  fields: z.array(z.object({
    path: z.string(), value: z.unknown(), connectorId: z.string(), connectorName: z.string(), connectorNameEn: z.string(),
    field: z.string(), personal: z.boolean(), source: Source, fromCache: z.boolean(),
  })),
  failures: z.array(z.object({
    connectorId: z.string(), connectorName: z.string(), connectorNameEn: z.string(), code: z.string(), message: z.string(), messageEn: z.string(),
    paths: z.array(z.string()), field: z.string().optional(),
  })).describe('Sources that failed or were too slow; their fields stay editable'),
  empty: z.array(z.object({ connectorId: z.string(), field: z.string(), path: z.string() })),
  masked: z.boolean(),
});

/** A prefill as the API returns it: connector names for the form's source labels, personal values masked unless the role handles the application. */
export function prefillView(prefill: FormPrefill, registry: ConnectorRegistry, clear: boolean) {
  const names = (id: string) => {
    const connector = registry.get(id)?.connector;
    return { connectorName: connector?.name ?? id, connectorNameEn: connector?.nameEn ?? id };
  };
  const fields = prefill.fields.map((f) => ({ ...f, ...names(f.connectorId), value: clear || !f.personal ? f.value : maskDeclaredPersonal(f.field, f.value) }));
  const variables: Record<string, unknown> = structuredClone(prefill.variables);
  if (!clear) {
    for (const f of fields) {
      const segments = f.path.split('.');
      let node = variables;
      for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
      node[segments.at(-1)!] = f.value;
    }
  }
  return {
    ...prefill, variables, fields,
    failures: prefill.failures.map((f) => ({ ...f, ...names(f.connectorId) })),
    masked: !clear && prefill.fields.some((f) => f.personal),
  };
}

/** Aborted when the client goes away before the answer: its sources' calls are cancelled. */
export function abortOnDisconnect(ctx: Context): AbortSignal {
  const controller = new AbortController();
  ctx.res.once('close', () => {
    if (!ctx.res.writableFinished) controller.abort();
  });
  return controller.signal;
}
