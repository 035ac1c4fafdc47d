/**
 * URL templates: `https://host/path/{expr}?fixed=1`. Placeholders hold FEEL
 * over the call's input and may appear only after the origin, so the host a
 * connector talks to is fixed by its declaration and checkable against the
 * allow-list before anything is evaluated.
 */
const PLACEHOLDER = /\{([^{}]+)\}/g;
const LITERAL_ORIGIN = /^https?:\/\/[^/?#{}]+(?=[/?#]|$)/i;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => (match[1] ?? '').trim());
}

export function fillTemplate(template: string, fill: (expression: string) => string): string {
  return template.replace(PLACEHOLDER, (_whole, expression: string) => fill(expression.trim()));
}

export type TemplateOriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/** The template's origin, if it is a literal http(s) origin without credentials and in the allow-list. */
export function checkTemplateOrigin(template: string, allowedOrigins: readonly string[]): TemplateOriginCheck {
  const literal = LITERAL_ORIGIN.exec(template);
  if (!literal) return { ok: false, message: 'URL 必须以 http(s):// 和固定的主机名开头 (must start with a literal http(s) origin)' };
  let url: URL;
  try {
    url = new URL(fillTemplate(template, () => 'x'));
  } catch {
    return { ok: false, message: 'URL 格式无效 (not a valid URL)' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'URL 不得包含用户名或密码，请使用密钥请求头 (no credentials in URLs; use secret headers)' };
  }
  if (!isAllowedOrigin(url.origin, allowedOrigins)) {
    return { ok: false, message: `来源 ${url.origin} 不在允许列表中 (origin not in the allow-list)` };
  }
  return { ok: true, origin: url.origin };
}

export function isAllowedOrigin(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin === origin;
    } catch {
      return false;
    }
  });
}
