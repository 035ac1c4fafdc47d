import { Agent, request } from 'node:http';

/** One keep-alive pool for the set-up and check requests; the measured ones go through `load.ts`. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
}

/**
 * A signed-in session as a browser holds it: the session cookie, and the
 * CSRF token sent back in `x-csrf-token` on every state-changing request.
 */
export class Session {
  private constructor(
    readonly baseUrl: string,
    readonly username: string,
    /** `tongban_session=…`, as sent in the Cookie header. */
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<Session> {
    const reply = await send(baseUrl, 'POST', '/api/session', { 'content-type': 'application/json' }, JSON.stringify({ username, password }));
    if (reply.status !== 200) throw new Error(`Sign-in of ${username} failed: ${reply.status} ${reply.text}`);
    const setCookie = reply.headers['set-cookie']?.[0];
    const cookie = setCookie?.split(';')[0];
    if (!cookie) throw new Error(`Sign-in of ${username} set no cookie`);
    return new Session(baseUrl, username, cookie, (JSON.parse(reply.text) as { csrfToken: string }).csrfToken);
  }

  /** The headers of a state-changing JSON request of this session. */
  headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrfToken, 'content-type': 'application/json' };
  }

  async get<T>(path: string): Promise<Reply<T>> {
    const reply = await send(this.baseUrl, 'GET', path, { cookie: this.cookie }, undefined);
    return { status: reply.status, text: reply.text, body: parse<T>(reply.text) };
  }

  async post<T>(path: string, json: unknown): Promise<Reply<T>> {
    const reply = await send(this.baseUrl, 'POST', path, this.headers(), JSON.stringify(json));
    return { status: reply.status, text: reply.text, body: parse<T>(reply.text) };
  }
}

function parse<T>(text: string): T {
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

interface RawReply { status: number; headers: Record<string, string[] | undefined>; text: string }

/**
 * The server closes a keep-alive socket after 5 idle seconds (Node's
 * default), which set-up calls between long runs often leave; a request
 * that raced such a close on a reused socket is sent once more, as Node's
 * documentation advises. The set-up calls are reads, sign-ins and checks,
 * so a second send changes nothing.
 */
async function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<RawReply> {
  try {
    return await sendOnce(baseUrl, method, path, headers, body);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return sendOnce(baseUrl, method, path, headers, body);
    throw error;
  }
}

function sendOnce(baseUrl: string, method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<RawReply> {
  return new Promise((done, fail) => {
    const req = request(baseUrl + path, {
      method, agent, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'];
        done({ status: res.statusCode ?? 0, headers: { 'set-cookie': setCookie }, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', fail);
    });
    req.on('error', (error) => fail(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

/** Closes the pooled sockets so the process can exit. */
export function closeClient(): void {
  agent.destroy();
}
