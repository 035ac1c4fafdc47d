/**
 * Character classes exactly as the XML tokenizer under bpmn-moddle (saxen)
 * uses them, so the pre-scan agrees with it on what is a name and where an
 * attribute ends. They are ASCII-only, narrower than the XML specification.
 */
export function isWhitespace(code: number): boolean {
  return code === 32 || (code > 8 && code < 14);
}

/** First character of an element or attribute name: a letter, `_` or `:`. */
export function isNameStart(code: number): boolean {
  return (code > 64 && code < 91) || (code > 96 && code < 123) || code === 95 || code === 58;
}

/** Other characters of a name: also digits, `.` and `-`. */
export function isNameChar(code: number): boolean {
  return isNameStart(code) || (code > 47 && code < 58) || code === 46 || code === 45;
}
