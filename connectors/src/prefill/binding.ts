/**
 * A prefill binding as a diagram writes it (`tb:prefill`): which connector,
 * which of the form's values it is called with, and where each returned
 * field goes. Parsed strictly, because a binding that silently maps nothing
 * would leave the clerk typing what the government already holds.
 *
 *   input="uscc=${applicant.uscc},id=${applicant.citizenId}"
 *   fields="name:company.name,address:company.address"
 */
export type PrefillBindingSource = { readonly connector: string; readonly input?: string; readonly fields?: string };

export type PrefillBinding = {
  readonly connectorId: string;
  /** Connector input name → variable path it is read from. */
  readonly input: readonly { readonly name: string; readonly path: string }[];
  /** Connector field → variable path it fills; absent: every declared field, to a variable of its own name. */
  readonly fields?: readonly { readonly field: string; readonly path: string }[];
};

export type BindingProblem = { readonly connectorId: string; readonly attribute: 'input' | 'fields'; readonly message: string; readonly messageEn: string };

const NAME = /^[A-Za-z_][\w]{0,63}$/;
/** Dotted variable path: `applicant.uscc`; no indexes, no prototype keys. */
const PATH = /^[A-Za-z_][\w]{0,63}(?:\.[A-Za-z_][\w]{0,63}){0,7}$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

export function isVariablePath(path: string): boolean {
  return PATH.test(path) && !path.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment));
}

function pairs(text: string | undefined): string[] {
  return (text ?? '').split(',').map((pair) => pair.trim()).filter((pair) => pair !== '');
}

export function parsePrefillBinding(source: PrefillBindingSource): { ok: true; binding: PrefillBinding } | { ok: false; problem: BindingProblem } {
  const connectorId = source.connector;
  const problem = (attribute: BindingProblem['attribute'], message: string, messageEn: string) =>
    ({ ok: false as const, problem: { connectorId, attribute, message, messageEn } });

  const input: { name: string; path: string }[] = [];
  for (const pair of pairs(source.input)) {
    const match = /^([^=\s]+)\s*=\s*\$\{\s*([^}\s]+)\s*\}$/.exec(pair);
    if (!match || !NAME.test(match[1]!) || !isVariablePath(match[2]!)) {
      return problem('input', `输入“${pair}”应写作 名称=\${变量路径}`, `input "${pair}" must be written name=\${variable.path}`);
    }
    input.push({ name: match[1]!, path: match[2]! });
  }
  if (source.fields === undefined || source.fields.trim() === '') return { ok: true, binding: { connectorId, input } };
  const fields: { field: string; path: string }[] = [];
  for (const pair of pairs(source.fields)) {
    const match = /^([^:\s]+)\s*:\s*(\S+)$/.exec(pair);
    if (!match || !NAME.test(match[1]!) || !isVariablePath(match[2]!)) {
      return problem('fields', `字段映射“${pair}”应写作 连接器字段:变量路径`, `field mapping "${pair}" must be written connectorField:variable.path`);
    }
    fields.push({ field: match[1]!, path: match[2]! });
  }
  return { ok: true, binding: { connectorId, input, fields } };
}

/** The value at a dotted path of a variables object, or undefined. */
export function readVariable(variables: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = variables;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
