import { problem, type FormProblem } from '../problem.js';
import { formSchema, type FormSchema } from './form.js';
import { SCHEMA_LIMITS } from './limits.js';
import { prescan } from './prescan.js';
import { semanticProblems } from './semantics.js';
import { issueProblems } from './zod-issues.js';

export type ParseFormSchemaResult = { ok: true; schema: FormSchema } | { ok: false; problems: FormProblem[] };

/**
 * Validates a form definition, given as JSON text or as a parsed value.
 * Never throws: a bad definition is the list of every problem, each with its
 * path, so an editor can point at each one.
 */
export function parseFormSchema(json: unknown): ParseFormSchemaResult {
  let value = json;
  if (typeof json === 'string') {
    if (utf8Length(json) > SCHEMA_LIMITS.maxBytes) return refuse(tooLarge());
    try {
      value = JSON.parse(json);
    } catch (error) {
      return refuse(problem('', 'schema/not-json', `JSON 语法错误：${(error as Error).message}`, `JSON syntax error: ${(error as Error).message}`));
    }
  }
  // A hostile shape (reserved names, absurd depth or size) is refused before anything else reads it;
  // depth comes before measuring a parsed value, since serialising absurd nesting overflows the stack.
  const hostile = prescan(value);
  if (hostile.length > 0) return refuse(...hostile);
  if (typeof json !== 'string') {
    const size = byteSize(value);
    if (size === undefined) return refuse(problem('', 'schema/not-json', '不是 JSON 值', 'not a JSON value'));
    if (size > SCHEMA_LIMITS.maxBytes) return refuse(tooLarge());
  }
  const parsed = formSchema.safeParse(value);
  const problems = [...(parsed.success ? [] : issueProblems(parsed.error.issues)), ...semanticProblems(value)];
  if (problems.length > 0 || !parsed.success) return refuse(...dedupe(problems));
  return { ok: true, schema: parsed.data };
}

function tooLarge(): FormProblem {
  return problem('', 'schema/too-large', `表单定义超过 ${SCHEMA_LIMITS.maxBytes} 字节`, `the form definition is larger than ${SCHEMA_LIMITS.maxBytes} bytes`);
}

function refuse(...problems: FormProblem[]): ParseFormSchemaResult {
  return { ok: false, problems };
}

function byteSize(json: unknown): number | undefined {
  try {
    const text = JSON.stringify(json);
    return text === undefined ? undefined : utf8Length(text);
  } catch {
    return undefined; // cycles, BigInt
  }
}

function dedupe(problems: FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.path}\u0000${p.code}\u0000${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** UTF-8 length without Buffer, so the parser also runs in the designer. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
