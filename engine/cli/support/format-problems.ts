import type { Problem } from '../../src/index.js';
import { printJson, type Io } from './io.js';
import { pick, type Language } from './language.js';

/** A problem as `--json` prints it: absent fields are omitted, the message is in the chosen language. */
export interface ProblemJson {
  code: string;
  severity: Problem['severity'];
  message: string;
  elementId?: string;
  line?: number;
  column?: number;
}

export function problemJson(problem: Problem, lang: Language): ProblemJson {
  const json: ProblemJson = { code: problem.code, severity: problem.severity, message: pick(lang, problem.message, problem.messageEn) };
  if (problem.elementId !== undefined) json.elementId = problem.elementId;
  if (problem.line !== undefined) json.line = problem.line;
  if (problem.column !== undefined) json.column = problem.column;
  return json;
}

/**
 * One line per problem, columns aligned:
 * `error    tb/user-task-department  UserTask_1 (4:5)  用户任务缺少部门`.
 */
export function problemLines(problems: readonly Problem[], lang: Language): string[] {
  const rows = problems.map((p) => [p.severity, p.code, where(p), pick(lang, p.message, p.messageEn)] as const);
  const width = (column: 0 | 1 | 2) => Math.max(0, ...rows.map((row) => row[column].length));
  const widths = [width(0), width(1), width(2)] as const;
  return rows.map(([severity, code, place, message]) =>
    [severity.padEnd(widths[0]), code.padEnd(widths[1]), ...(widths[2] > 0 ? [place.padEnd(widths[2])] : []), message].join('  ').trimEnd());
}

/** `✖ 3 个问题（2 个错误，1 个警告）` or `✓ 没有发现问题`. */
export function problemSummary(problems: readonly Problem[], lang: Language): string {
  if (problems.length === 0) return pick(lang, '✓ 没有发现问题', '✓ No problems found');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (lang === 'zh') return `✖ 共 ${problems.length} 个问题（${errors} 个错误，${warnings} 个警告）`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `✖ ${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

function where(problem: Problem): string {
  const position = problem.line !== undefined ? `(${problem.line}:${problem.column ?? 1})` : '';
  return [problem.elementId ?? '', position].filter((part) => part !== '').join(' ');
}

/** Problems as `--json` (`{"problems":[…]}`) or as lines and a summary. */
export function printProblems(io: Io, problems: readonly Problem[], options: { readonly json?: boolean; readonly lang: Language }): void {
  if (options.json) {
    printJson(io, { problems: problems.map((p) => problemJson(p, options.lang)) });
    return;
  }
  for (const line of problemLines(problems, options.lang)) io.out(`${line}\n`);
  io.out(`${problemSummary(problems, options.lang)}\n`);
}
