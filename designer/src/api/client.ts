import { ApiError, isProblemBody } from './problem';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly json?: unknown;
  /** A raw body (BPMN XML) with its content type. */
  readonly body?: string;
  readonly contentType?: string;
  readonly accept?: string;
}

/**
 * The one way the app talks to the server: same origin, the session cookie
 * sent by the browser, the CSRF token (returned at sign-in) on every
 * state-changing request, the UI language as Accept-Language so problem
 * titles come back in it, and every failure as an ApiError.
 */
export class ApiClient {
  private csrfToken: string | undefined;

  /** `baseUrl`: empty in the browser (same origin); a full origin where there is no page (tests). */
  constructor(private readonly language: () => string, private readonly baseUrl = '') {}

  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token;
  }

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      accept: options.accept ?? 'application/json',
      'accept-language': this.language() === 'en' ? 'en' : 'zh-CN',
    };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'text/plain';
      body = options.body;
    }
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, credentials: 'same-origin' });
    } catch (error) {
      throw new ApiError(0, { title: 'network', detail: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.request(path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async text(path: string, options: RequestOptions = {}): Promise<string> {
    return (await this.request(path, options)).text();
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (isProblemBody(parsed)) return new ApiError(response.status, parsed);
  } catch {
    // Not JSON: a proxy's or the browser's own error page.
  }
  return new ApiError(response.status, { title: `HTTP ${response.status}`, detail: text.slice(0, 200) });
}
