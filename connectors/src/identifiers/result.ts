/**
 * Result shape shared by every identifier validator. A discriminated union
 * rather than exceptions: form validation and connector input checks both
 * need the stable `code` to branch on, and the messages to show.
 */
export type IdentifierFailure<Code extends string> = {
  ok: false;
  code: Code;
  /** User-facing message (zh-CN). */
  message: string;
  /** Same message in English, for logs and non-Chinese operators. */
  messageEn: string;
};

export type IdentifierResult<Code extends string, Success extends { value: string }> =
  | ({ ok: true } & Success)
  | IdentifierFailure<Code>;

export function fail<Code extends string>(code: Code, message: string, messageEn: string): IdentifierFailure<Code> {
  return { ok: false, code, message, messageEn };
}

/**
 * Full-width forms (U+FF01–U+FF5E) to ASCII, and the ideographic space to a
 * space: people type identifiers with Chinese IMEs, which often produce
 * ０-９ and Ｘ instead of 0-9 and X.
 */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
