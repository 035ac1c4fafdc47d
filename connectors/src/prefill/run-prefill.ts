/**
 * Prefill when a form opens: every binding's connector is called at once,
 * under one deadline for the whole form. Whatever has arrived by then fills
 * the form with its provenance; whatever has not is listed as failed, and
 * its fields simply stay editable. A failing source never fails the form.
 */
import type { ConnectorClient, ConnectorSource } from '../http/client.js';
import type { FieldValue } from '../http/field-values.js';
import { readVariable, type PrefillBinding } from './binding.js';

export type PrefilledValue = {
  /** Variable path the value fills, e.g. `company.name`. */
  readonly path: string;
  readonly value: FieldValue;
  readonly connectorId: string;
  /** The connector's declared field it came from. */
  readonly field: string;
  /** Declared personal by the connector: masked for roles that do not handle the application, and each clear read audited. */
  readonly personal: boolean;
  readonly source: ConnectorSource;
  readonly fromCache: boolean;
};

export type PrefillFailure = {
  readonly connectorId: string;
  /** A connector failure code, `prefill/deadline`, `prefill/input-missing` or `field/…` for one rejected field. */
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** The variable paths left for the clerk to fill. */
  readonly paths: readonly string[];
  /** Set when one returned field was rejected (wrong type, bad check digit). */
  readonly field?: string;
};

export type PrefillOutcome = {
  readonly values: readonly PrefilledValue[];
  readonly failures: readonly PrefillFailure[];
  /** Fields the source answered without (no such data on record): editable, not an error. */
  readonly empty: readonly { readonly connectorId: string; readonly field: string; readonly path: string }[];
};

export type RunPrefillOptions = {
  /** For the whole form, not per connector. */
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
};

type Settled = { binding: PrefillBinding; result: Awaited<ReturnType<ConnectorClient['call']>> | 'deadline' | 'input-missing'; missingInput?: string };

export async function runPrefill(
  client: ConnectorClient,
  bindings: readonly PrefillBinding[],
  variables: Readonly<Record<string, unknown>>,
  options: RunPrefillOptions,
): Promise<PrefillOutcome> {
  const controller = new AbortController();
  const cancel = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', cancel, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      resolve('deadline');
      controller.abort(new Error('prefill deadline'));
    }, options.deadlineMs);
  });
  try {
    const settled = await Promise.all(bindings.map(async (binding): Promise<Settled> => {
      const input: Record<string, unknown> = {};
      for (const { name, path } of binding.input) {
        const value = readVariable(variables, path);
        if (value === undefined || value === null || value === '') return { binding, result: 'input-missing', missingInput: path };
        input[name] = value;
      }
      const result = await Promise.race([client.call(binding.connectorId, input, { signal: controller.signal }), deadline]);
      return { binding, result };
    }));
    return collect(settled);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

function collect(settled: readonly Settled[]): PrefillOutcome {
  const values: PrefilledValue[] = [];
  const failures: PrefillFailure[] = [];
  const empty: { connectorId: string; field: string; path: string }[] = [];
  for (const { binding, result, missingInput } of settled) {
    const { connectorId } = binding;
    const targets = (names: readonly string[]) => binding.fields ?? names.map((field) => ({ field, path: field }));
    if (result === 'input-missing' || result === 'deadline') {
      const paths = (binding.fields ?? []).map((f) => f.path);
      failures.push(result === 'deadline'
        ? { connectorId, code: 'prefill/deadline', message: `数据源 ${connectorId} 未在时限内返回，请手工填写`, messageEn: `source ${connectorId} did not answer in time; fill the fields by hand`, paths }
        : { connectorId, code: 'prefill/input-missing', message: `请先填写 ${missingInput}，才能从 ${connectorId} 预填`, messageEn: `fill in ${missingInput} first to prefill from ${connectorId}`, paths });
      continue;
    }
    if (!result.ok) {
      failures.push({ connectorId, code: result.code, message: result.message, messageEn: result.messageEn, paths: (binding.fields ?? []).map((f) => f.path) });
      continue;
    }
    const rejected = new Map(result.rejected.map((r) => [r.field, r]));
    const personal = new Set(result.personalFields);
    for (const { field, path } of targets([...Object.keys(result.values), ...result.missing, ...rejected.keys()])) {
      const value = result.values[field];
      const problem = rejected.get(field);
      if (value !== undefined) {
        values.push({ path, value, connectorId, field, personal: personal.has(field), source: result.source, fromCache: result.fromCache });
      } else if (problem !== undefined) {
        failures.push({ connectorId, code: problem.code, message: `${connectorId}.${field}：${problem.message}`, messageEn: `${connectorId}.${field}: ${problem.messageEn}`, paths: [path], field });
      } else {
        empty.push({ connectorId, field, path });
      }
    }
  }
  return { values, failures, empty };
}
