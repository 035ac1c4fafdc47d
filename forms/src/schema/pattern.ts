import { SCHEMA_LIMITS } from './limits.js';

/**
 * Validation patterns a designer writes. They run on the server against
 * input typed by anyone, so only patterns that cannot backtrack
 * catastrophically are accepted: no back-references or lookarounds, and no
 * repeated group that itself repeats or alternates (`(a+)+`, `(a|a)*`), the
 * shapes behind regular-expression denial of service. A group may still be
 * optional (`(-\d{4})?`): it is tried at most once.
 */
export function patternProblem(source: string): { zh: string; en: string } | undefined {
  if (source.length === 0) return { zh: '正则表达式为空', en: 'the pattern is empty' };
  if (source.length > SCHEMA_LIMITS.maxPatternLength) {
    return { zh: `正则表达式超过 ${SCHEMA_LIMITS.maxPatternLength} 个字符`, en: `the pattern is longer than ${SCHEMA_LIMITS.maxPatternLength} characters` };
  }
  try {
    new RegExp(source, 'u');
  } catch {
    return { zh: '正则表达式语法错误', en: 'the pattern is not a valid regular expression' };
  }
  if (/\\[1-9]|\\k</.test(source)) return { zh: '正则表达式不能使用反向引用', en: 'the pattern may not use back-references' };
  if (/\(\?<?[=!]/.test(source)) return { zh: '正则表达式不能使用断言', en: 'the pattern may not use lookarounds' };
  if (countUnbounded(source) > MAX_UNBOUNDED) {
    return { zh: `正则表达式最多使用 ${MAX_UNBOUNDED} 个无上限的重复`, en: `the pattern may use at most ${MAX_UNBOUNDED} unbounded repetitions` };
  }
  if (hasNestedRepetition(source)) {
    return { zh: '正则表达式含嵌套重复，可能导致回溯过多', en: 'the pattern repeats a group that repeats or alternates (catastrophic backtracking)' };
  }
  return undefined;
}

/**
 * Adjacent unbounded repetitions that can match the same text still
 * backtrack polynomially (`\d*\d*\d*x`); with at most three of them and
 * values capped at `PATTERN_MAX_INPUT` characters the worst case stays small.
 */
const MAX_UNBOUNDED = 3;
/** The longest value a pattern is run against; a longer one fails the length rule first. */
export const PATTERN_MAX_INPUT = 200;

function countUnbounded(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier?.unbounded === true) {
      count++;
      i += quantifier.length - 1;
    }
  }
  return count;
}

/** The pattern as both sides run it: anchored to the whole value, Unicode mode. */
export function compilePattern(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'u');
}

type Frame = { repeats: boolean };

function hasNestedRepetition(source: string): boolean {
  const stack: Frame[] = [{ repeats: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    const top = stack[stack.length - 1] as Frame;
    if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      stack.push({ repeats: false });
      // `(?:` and `(?<name>` open groups; their `?` is no quantifier.
      const opener = /^\(\?(?::|<[A-Za-z_]\w*>)/.exec(source.slice(i));
      if (opener) i += opener[0].length - 1;
    } else if (c === ')') {
      const closed = stack.pop();
      const outer = stack[stack.length - 1];
      if (closed === undefined || outer === undefined) return false; // unbalanced: the RegExp check already refused it
      const quantifier = quantifierAt(source, i + 1);
      if (quantifier !== undefined && quantifier.unbounded && closed.repeats) return true;
      if (closed.repeats || quantifier !== undefined) outer.repeats = true;
      if (quantifier !== undefined) i += quantifier.length;
    } else if (c === '|') {
      top.repeats = true;
    } else if (quantifierAt(source, i) !== undefined) {
      top.repeats = true;
    }
  }
  return false;
}

/** A quantifier starting at `at`; `unbounded` when it may repeat more than once. */
function quantifierAt(source: string, at: number): { length: number; unbounded: boolean } | undefined {
  const rest = source.slice(at);
  const match = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(rest);
  if (!match) return undefined;
  const symbol = match[0][0];
  if (symbol === '?') return { length: match[0].length, unbounded: false };
  if (symbol === '*' || symbol === '+') return { length: match[0].length, unbounded: true };
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
  return { length: match[0].length, unbounded: max > 1 };
}
