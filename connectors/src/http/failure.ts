/**
 * Why a call failed, as data. Messages are fixed per code and carry at most
 * a connector id, a field/parameter name or an HTTP status: never a response
 * body, an input value or a secret, because failures end up in logs and on
 * the clerk's screen.
 */
export type ConnectorFailureCode =
  | 'connector/unknown'
  | 'connector/input-invalid'
  | 'connector/secret-missing'
  | 'connector/origin-not-allowed'
  | 'connector/circuit-open'
  | 'connector/timeout'
  | 'connector/aborted'
  | 'connector/network'
  | 'connector/redirect-refused'
  | 'connector/http-client-error'
  | 'connector/http-server-error'
  | 'connector/response-too-large'
  | 'connector/invalid-response';

export type ConnectorFailure = {
  ok: false;
  code: ConnectorFailureCode;
  /** zh-CN, for the clerk. */
  message: string;
  messageEn: string;
  /** Whether calling again later may succeed (the engine's job retry uses this). */
  retryable: boolean;
  /** HTTP status, when the source answered with one. */
  status?: number;
};

export function failure(
  code: ConnectorFailureCode,
  message: string,
  messageEn: string,
  retryable: boolean,
  status?: number,
): ConnectorFailure {
  return status === undefined
    ? { ok: false, code, message, messageEn, retryable }
    : { ok: false, code, message, messageEn, retryable, status };
}
