/**
 * Turns a connector declaration and one call's input into a concrete
 * request: URL placeholders and query values from FEEL (URL-encoded),
 * a JSON body for POST, and headers with secrets resolved.
 */
import type { Connector } from '../model/schema.js';
import { fillTemplate, isAllowedOrigin } from '../model/url-template.js';
import { evaluateFeel } from './feel.js';
import { failure, type ConnectorFailure } from './failure.js';

export type BuiltRequest = {
  ok: true;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
};

export type SecretLookup = (name: string) => string | undefined;

class InputProblem extends Error {
  constructor(readonly where: string) {
    super(where);
  }
}

function invalidInput(where: string): ConnectorFailure {
  return failure(
    'connector/input-invalid',
    `无法根据输入计算${where}`,
    `could not compute ${where} from the input`,
    false,
  );
}

/** A FEEL result as URL text; null/undefined means "leave it out", objects are not URL values. */
function urlText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function evaluateOrThrow(expression: string, input: Readonly<Record<string, unknown>>, where: string): unknown {
  const result = evaluateFeel(expression, input);
  if (result === undefined) throw new InputProblem(where);
  return result.value;
}

export function buildRequest(
  connector: Connector,
  input: Readonly<Record<string, unknown>>,
  secrets: SecretLookup,
  allowedOrigins: readonly string[],
): BuiltRequest | ConnectorFailure {
  let url: URL;
  let body: string | undefined;
  try {
    const filled = fillTemplate(connector.url, (expression) => {
      const text = urlText(evaluateOrThrow(expression, input, ` URL 参数 {${expression}}`));
      // A missing path segment would silently address a different resource.
      if (text === undefined) throw new InputProblem(` URL 参数 {${expression}}`);
      return encodeURIComponent(text);
    });
    url = new URL(filled);
    for (const [name, expression] of Object.entries(connector.query)) {
      const value = evaluateOrThrow(expression, input, `查询参数 ${name}`);
      const values = Array.isArray(value) ? value : [value];
      for (const item of values) {
        const text = urlText(item);
        if (text !== undefined) url.searchParams.append(name, text);
        else if (item !== null && item !== undefined) throw new InputProblem(`查询参数 ${name}`);
      }
    }
    if (connector.body !== undefined) {
      const payload: Record<string, unknown> = {};
      for (const [name, expression] of Object.entries(connector.body)) {
        payload[name] = evaluateOrThrow(expression, input, `请求体字段 ${name}`) ?? null;
      }
      body = JSON.stringify(payload);
    }
  } catch (error) {
    if (error instanceof InputProblem) return invalidInput(error.where);
    return invalidInput(' URL');
  }

  // Placeholders sit after a literal origin, but check the result anyway: defence in depth.
  if (!isAllowedOrigin(url.origin, allowedOrigins)) {
    return failure('connector/origin-not-allowed', '目标地址不在允许列表中', 'the target origin is not in the allow-list', false);
  }

  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, source] of Object.entries(connector.headers)) {
    if ('secret' in source) {
      const secret = secrets(source.secret);
      if (secret === undefined || secret === '') {
        // The secret's name is configuration, not a secret; its value never appears.
        return failure(
          'connector/secret-missing',
          `连接器 ${connector.id} 缺少密钥 ${source.secret}`,
          `connector ${connector.id} is missing secret ${source.secret}`,
          false,
        );
      }
      headers[name] = secret;
    } else {
      headers[name] = source.value;
    }
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return body === undefined
    ? { ok: true, url: url.href, method: connector.method, headers }
    : { ok: true, url: url.href, method: connector.method, headers, body };
}
