/**
 * What `tongban form-check` does, without the file system: a form
 * definition and the connector declarations it may bind to, checked
 * together. Every problem names the file it is in.
 */
import { parseConnector, type Connector } from '@tongban/connectors/model';
import { problem, type FormProblem } from '../problem.js';
import { parseFormSchema } from '../schema/parse.js';
import { checkBindings } from './check.js';

export type FileProblem = FormProblem & { file: string };

export type CheckFormOptions = {
  /**
   * Origins connectors may call. Without it each connector's own origin is
   * accepted: the check is then about the form and its bindings, and the
   * deployment's allow-list is the server's business.
   */
  allowedOrigins?: readonly string[];
};

export function checkForm(
  form: { file: string; json: unknown },
  connectorFiles: readonly { file: string; json: unknown }[],
  options: CheckFormOptions = {},
): FileProblem[] {
  const problems: FileProblem[] = [];
  const connectors: Connector[] = [];
  const seen = new Map<string, string>();
  for (const { file, json } of connectorFiles) {
    const parsed = parseConnector(json, { allowedOrigins: options.allowedOrigins ?? ownOrigin(json) });
    if (!parsed.ok) {
      // Connector problems carry one message with the English in brackets.
      problems.push(...parsed.problems.map((p) => ({ file, path: p.path, code: p.code, message: p.message, messageEn: p.message })));
      continue;
    }
    const earlier = seen.get(parsed.connector.id);
    if (earlier !== undefined) {
      problems.push({ file, ...problem('id', 'binding/duplicate-connector', `连接器“${parsed.connector.id}”已在 ${earlier} 中声明`, `the connector "${parsed.connector.id}" is already declared in ${earlier}`) });
      continue;
    }
    seen.set(parsed.connector.id, file);
    connectors.push(parsed.connector);
  }
  const parsed = parseFormSchema(form.json);
  if (!parsed.ok) return [...parsed.problems.map((p) => ({ file: form.file, ...p })), ...problems];
  return [...checkBindings(parsed.schema, connectors).map((p) => ({ file: form.file, ...p })), ...problems];
}

function ownOrigin(json: unknown): string[] {
  const url = (json as { url?: unknown } | null)?.url;
  const literal = typeof url === 'string' ? /^https?:\/\/[^/?#{}]+/i.exec(url) : null;
  return literal ? [literal[0]] : [];
}
