/**
 * One HTTP attempt: timeout via AbortController, no redirects (a redirect
 * could leave the allow-listed origin), bounded body, JSON parse. Failures
 * name the status at most; response bodies are never quoted.
 */
import type { Connector } from '../model/schema.js';
import { failure, type ConnectorFailure } from './failure.js';
import { readLimitedBody } from './read-body.js';
import type { BuiltRequest } from './request.js';

export type AttemptResult = { ok: true; document: unknown } | ConnectorFailure;

export async function attemptRequest(
  connector: Connector,
  request: BuiltRequest,
  correlationId: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, connector.timeoutMs);
  const onCallerAbort = () => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });

  const interrupted = (): ConnectorFailure | undefined => {
    if (signal?.aborted === true) return failure('connector/aborted', '请求已取消', 'the call was cancelled', false);
    if (timedOut) {
      return failure('connector/timeout', `数据源在 ${connector.timeoutMs} 毫秒内未响应`, `the source did not answer within ${connector.timeoutMs} ms`, true);
    }
    return undefined;
  };

  try {
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: { ...request.headers, 'x-correlation-id': correlationId },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch {
      return interrupted() ?? failure('connector/network', '无法连接数据源', 'could not reach the source', true);
    }

    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 300 && status < 400) {
        return failure('connector/redirect-refused', `数据源返回了重定向（${status}），已拒绝`, `the source redirected (${status}); refused`, false, status);
      }
      if (status >= 500) {
        return failure('connector/http-server-error', `数据源内部错误（${status}）`, `the source failed (${status})`, true, status);
      }
      return failure('connector/http-client-error', `数据源拒绝了请求（${status}）`, `the source refused the request (${status})`, false, status);
    }

    let body;
    try {
      body = await readLimitedBody(response, connector.maxResponseBytes, () => controller.abort());
    } catch {
      return interrupted() ?? failure('connector/network', '读取数据源响应时连接中断', 'the connection broke while reading the response', true);
    }
    if (!body.ok) {
      return failure(
        'connector/response-too-large',
        `数据源响应超过 ${connector.maxResponseBytes} 字节`,
        `the response is larger than ${connector.maxResponseBytes} bytes`,
        false,
      );
    }
    try {
      return { ok: true, document: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes)) as unknown };
    } catch {
      return failure('connector/invalid-response', '数据源返回的不是有效的 JSON', 'the response is not valid JSON', false);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
