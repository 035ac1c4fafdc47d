/** A 1-based line and column in the source text. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The position of a character offset. Linear in the offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The character offset of a 0-based line and column, as the XML parser reports them; -1 past the end. */
export function offsetAt(text: string, line0: number, column0: number): number {
  let lineStart = 0;
  for (let line = 0; line < line0; line++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) return -1;
    lineStart = newline + 1;
  }
  const offset = lineStart + column0;
  return offset <= text.length ? offset : -1;
}
