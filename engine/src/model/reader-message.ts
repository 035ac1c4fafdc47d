/**
 * bpmn-moddle wraps what went wrong at a position as
 * `unparsable content <tag> detected\n\tline: 0\n\tcolumn: 12\n\tnested error: …`
 * with a 0-based line and column. This splits that apart; other messages
 * come back as they are.
 */
export interface ReaderMessage {
  /** The innermost message, e.g. `duplicate ID <t1>`. */
  readonly detail: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
}

const POSITIONED = /\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: /;

export function parseReaderMessage(message: string): ReaderMessage {
  const match = POSITIONED.exec(message);
  if (!match?.[1] || !match[2]) return { detail: message.trim() };
  return {
    detail: message.slice(match.index + match[0].length).trim(),
    line: Number(match[1]) + 1,
    column: Number(match[2]) + 1,
  };
}
