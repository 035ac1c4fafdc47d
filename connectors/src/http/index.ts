export {
  createConnectorClient,
  type ConnectorCallResult,
  type ConnectorClient,
  type ConnectorClientOptions,
  type ConnectorSource,
  type ConnectorSuccess,
} from './client.js';
export type { ConnectorFailure, ConnectorFailureCode } from './failure.js';
export type { RejectedField } from './extract.js';
export type { FieldValue } from './field-values.js';
export type { SecretLookup } from './request.js';
