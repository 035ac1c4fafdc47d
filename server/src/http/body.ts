import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { Problem } from './problem.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const TYPES = {
  json: ['application/json'],
  xml: ['application/xml', 'text/xml', 'application/bpmn+xml'],
} as const;

/**
 * Reads the request body as text, refusing a wrong content type (415) or a
 * body over the limit (413) before reading it all: the declared length is
 * checked first, and the read stops at the limit for a chunked body.
 */
export async function readBody(ctx: Context, kind: 'json' | 'xml', limit: number): Promise<unknown> {
  const declared = ctx.request.length;
  const hasBody = (declared !== undefined && declared > 0) || ctx.get('transfer-encoding') !== '';
  if (!hasBody) {
    if (kind === 'json') return undefined;
    throw new Problem('request/invalid', 'The request has no body', { errors: [{ in: 'body', path: '', pointer: '/', code: 'required', message: 'A BPMN document is required' }] });
  }
  const type = ctx.request.type;
  if (!(TYPES[kind] as readonly string[]).includes(type)) {
    throw new Problem('request/unsupported-media-type', `Expected ${TYPES[kind].join(' or ')}, got ${type || 'no content type'}`);
  }
  if (declared !== undefined && declared > limit) {
    ctx.set('Connection', 'close');
    throw new Problem('request/too-large', `The body is ${declared} bytes; at most ${limit} are accepted`);
  }
  let text: string;
  try {
    text = await getRawBody(ctx.req, { limit, encoding: 'utf8', ...(declared !== undefined ? { length: declared } : {}) });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      ctx.set('Connection', 'close');
      throw new Problem('request/too-large', `At most ${limit} bytes are accepted`);
    }
    throw new Problem('request/invalid', 'The request body could not be read', { errors: [{ in: 'body', path: '', pointer: '/', code: 'unreadable', message: String((error as Error).message) }] });
  }
  if (kind === 'xml') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    throw new Problem('request/malformed-json', message, { errors: [{ in: 'body', path: '', pointer: '/', code: 'invalid_json', message }] });
  }
}
