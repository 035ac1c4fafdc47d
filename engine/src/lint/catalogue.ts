/**
 * What the diagram may refer to, supplied by the caller (the server knows the
 * deployed forms and configured connectors; the designer fetches them). A kind
 * left out is not checked: the linter cannot tell "none exist" from "unknown".
 */
export interface Catalogue {
  readonly forms?: readonly string[];
  readonly connectors?: readonly string[];
}

/** Reads the rule config bpmnlint passes through (`['error', catalogue]`), ignoring anything malformed. */
export function readCatalogue(config: unknown): Catalogue {
  if (typeof config !== 'object' || config === null) return {};
  const { forms, connectors } = config as Record<string, unknown>;
  const catalogue: { forms?: readonly string[]; connectors?: readonly string[] } = {};
  if (isStringList(forms)) catalogue.forms = forms;
  if (isStringList(connectors)) catalogue.connectors = connectors;
  return catalogue;
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
