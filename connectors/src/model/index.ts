export {
  connectorSchema,
  FIELD_TYPES,
  MAX_RESPONSE_BYTES,
  MAX_RETRIES,
  MAX_TIMEOUT_MS,
  type Connector,
  type ConnectorField,
  type FieldType,
  type HeaderSource,
} from './schema.js';
export { parseConnector, type ConnectorProblem, type ParseConnectorOptions, type ParseConnectorResult } from './parse.js';
export { parseJsonPath, readJsonPath, type PathSegment } from './json-path.js';
export { checkTemplateOrigin, fillTemplate, isAllowedOrigin, placeholders } from './url-template.js';
export { feelSyntaxIssue, type FeelSyntaxIssue } from './feel-check.js';
