/**
 * The HTTP/JSON connector driver: resolves the request, then retries with
 * exponential backoff on transient failures behind a per-connector circuit
 * breaker, extracts the declared fields and caches successful results.
 */
import type { Connector } from '../model/schema.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { TtlCache, canonicalJson } from './cache.js';
import { attemptRequest, type AttemptResult } from './attempt.js';
import { extractFields, type RejectedField } from './extract.js';
import { failure, type ConnectorFailure } from './failure.js';
import type { FieldValue } from './field-values.js';
import { buildRequest, type SecretLookup } from './request.js';

export type ConnectorSource = {
  connectorId: string;
  /** When the source answered (ISO 8601); a cache hit keeps the original time. */
  at: string;
  correlationId: string;
};

export type ConnectorSuccess = {
  ok: true;
  values: Record<string, FieldValue>;
  rejected: RejectedField[];
  missing: string[];
  /** Returned fields declared `personal`, for the access audit. */
  personalFields: string[];
  source: ConnectorSource;
  fromCache: boolean;
};

export type ConnectorCallResult = ConnectorSuccess | ConnectorFailure;

export type ConnectorClientOptions = {
  connectors: readonly Connector[];
  allowedOrigins: readonly string[];
  secrets: SecretLookup;
  fetch?: typeof fetch;
  now?: () => number;
  /** Correlation ids; injectable for tests, `crypto.randomUUID` otherwise. */
  correlationId?: () => string;
};

export type ConnectorClient = {
  call(connectorId: string, input: Readonly<Record<string, unknown>>, options?: { signal?: AbortSignal }): Promise<ConnectorCallResult>;
};

/** Failures that say the source is unhealthy; 4xx, bad input and cancellation do not. */
const HEALTH_FAILURES = new Set<ConnectorFailure['code']>([
  'connector/timeout',
  'connector/network',
  'connector/http-server-error',
  'connector/invalid-response',
  'connector/response-too-large',
  'connector/redirect-refused',
]);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const newCorrelationId = options.correlationId ?? (() => crypto.randomUUID());
  const connectors = new Map<string, Connector>();
  const breakers = new Map<string, CircuitBreaker>();
  for (const connector of options.connectors) {
    if (connectors.has(connector.id)) throw new Error(`duplicate connector id: ${connector.id}`);
    connectors.set(connector.id, connector);
    breakers.set(connector.id, new CircuitBreaker(connector.circuitBreaker.failureThreshold, connector.circuitBreaker.resetAfterMs, now));
  }
  const cache = new TtlCache<Omit<ConnectorSuccess, 'fromCache'>>(now);

  async function withRetries(connector: Connector, run: () => Promise<AttemptResult>, signal: AbortSignal | undefined) {
    let result = await run();
    for (let retry = 0; retry < connector.retries.max && !result.ok && result.retryable; retry += 1) {
      await sleep(connector.retries.backoffMs * 2 ** retry, signal);
      if (signal?.aborted === true) return failure('connector/aborted', '请求已取消', 'the call was cancelled', false);
      result = await run();
    }
    return result;
  }

  return {
    async call(connectorId, input, callOptions = {}) {
      const connector = connectors.get(connectorId);
      if (connector === undefined) {
        return failure('connector/unknown', `未知的连接器 ${connectorId}`, `unknown connector ${connectorId}`, false);
      }
      const request = buildRequest(connector, input, options.secrets, options.allowedOrigins);
      if (!request.ok) return request;

      // Keyed on what is actually sent, not the whole input: process variables
      // the connector does not use must not split the cache.
      const cacheKey = `${connector.id}\n${canonicalJson({ method: request.method, url: request.url, body: request.body ?? null })}`;
      const cached = cache.get(cacheKey);
      if (cached !== undefined) return { ...cached, fromCache: true };

      const breaker = breakers.get(connector.id);
      if (breaker === undefined || !breaker.tryAcquire()) {
        return failure('connector/circuit-open', `数据源 ${connector.name} 暂时不可用，请稍后再试或手工填写`, `source ${connector.nameEn} is temporarily unavailable (circuit open)`, true);
      }

      const correlationId = newCorrelationId();
      const result = await withRetries(connector, () => attemptRequest(connector, request, correlationId, fetchImpl, callOptions.signal), callOptions.signal);
      if (!result.ok) {
        if (HEALTH_FAILURES.has(result.code)) breaker.recordFailure();
        else breaker.recordNeutral();
        return result;
      }
      breaker.recordSuccess();

      const at = now();
      const extraction = extractFields(connector, result.document, new Date(at));
      const success: Omit<ConnectorSuccess, 'fromCache'> = {
        ok: true,
        ...extraction,
        personalFields: Object.keys(extraction.values).filter((name) => connector.fields[name]?.personal === true),
        source: { connectorId: connector.id, at: new Date(at).toISOString(), correlationId },
      };
      cache.set(cacheKey, success, connector.cacheTtlMs);
      return { ...success, fromCache: false };
    },
  };
}
