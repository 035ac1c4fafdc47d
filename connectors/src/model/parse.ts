import { connectorSchema, type Connector } from './schema.js';
import { feelSyntaxProblem } from './feel-check.js';
import { checkTemplateOrigin, placeholders } from './url-template.js';

/** One thing wrong with a declaration, at a dotted path such as `fields.name.path`. */
export type ConnectorProblem = { path: string; code: string; message: string };

export type ParseConnectorResult = { ok: true; connector: Connector } | { ok: false; problems: ConnectorProblem[] };

export type ParseConnectorOptions = {
  /** Origins (`https://host:port`) this deployment may call; anything else is a problem at `url`. */
  allowedOrigins: readonly string[];
};

/**
 * Validates a connector declaration. Never throws: a bad declaration is a
 * list of problems with paths, so an editor can point at each one.
 */
export function parseConnector(json: unknown, options: ParseConnectorOptions): ParseConnectorResult {
  const problems: ConnectorProblem[] = [];
  const parsed = connectorSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message });
    }
  }
  // The URL is checked even when other keys are wrong, so every problem shows at once.
  const url = (json as { url?: unknown } | null)?.url;
  if (typeof url === 'string') {
    const origin = checkTemplateOrigin(url, options.allowedOrigins);
    if (!origin.ok) problems.push({ path: 'url', code: 'connector/url', message: origin.message });
    placeholders(url).forEach((expression) => {
      const problem = feelSyntaxProblem(expression);
      if (problem !== undefined) problems.push({ path: 'url', code: 'connector/url-placeholder', message: problem });
    });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, connector: parsed.data };
}
