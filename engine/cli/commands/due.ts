import { Command } from 'commander';
import {
  calendarWarnings,
  createWorkingCalendar,
  formatCstInstant,
  parseCstInstant,
  parseLimit,
  type LimitError,
} from '../../src/index.js';
import { EXIT, UsageError } from '../support/cli-error.js';
import { problemLines } from '../support/format-problems.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, type Language } from '../support/language.js';
import { runAction } from '../support/run-action.js';

export interface DueOptions {
  readonly json?: boolean;
  readonly lang: Language;
}

/**
 * `tongban due START LIMIT`: when a limit counted from START falls due, in
 * China Standard Time, with the default working-day calendar. A year the
 * holiday data does not cover is a warning on stderr, not a failure.
 */
export async function due(start: string, limitText: string, options: DueOptions, io: Io): Promise<number> {
  const from = parseCstInstant(start);
  if (!from) {
    throw new UsageError(`“${start}”不是有效的时刻，应写作 2026-09-30T10:00+08:00（不写时区即按北京时间） ` +
      `("${start}" is not a valid instant; write e.g. 2026-09-30T10:00+08:00, China Standard Time when no offset is given)`);
  }
  const parsed = parseLimit(limitText);
  if (!parsed.ok) throw new UsageError(limitMessage(parsed.error));
  const calendar = createWorkingCalendar();
  const dueAt = calendar.dueAt(from, parsed.limit);
  const warnings = calendarWarnings(calendar, from, dueAt);
  if (options.json) printJson(io, { due: formatCstInstant(dueAt) });
  else io.out(`${formatCstInstant(dueAt)}\n`);
  for (const line of problemLines(warnings, options.lang)) io.err(`${line}\n`);
  return EXIT.ok;
}

/** What is wrong with the limit, Chinese then English. */
function limitMessage(error: LimitError): string {
  const unit = error.unit ?? '';
  const why: Record<LimitError['reason'], readonly [string, string]> = {
    'empty': ['时限为空', 'it is empty'],
    'whitespace': ['不能包含空格', 'it must not contain spaces'],
    'missing-amount': ['缺少数字', 'the number is missing'],
    'missing-unit': ['缺少单位', 'the unit is missing'],
    'unknown-unit': [`未知单位“${unit}”`, `unknown unit "${unit}"`],
    'malformed-amount': ['数字格式不正确', 'the number is malformed'],
    'not-positive': ['时限必须大于 0', 'it must be greater than 0'],
    'fraction-not-allowed': ['只有 wh（工作小时）可以带小数', 'only wh (working hours) may have a fraction'],
    'too-many-decimals': ['最多一位小数，如 0.5wh', 'at most one decimal place, e.g. 0.5wh'],
    'too-large': ['不能超过 9999', 'it must not exceed 9999'],
  };
  const [zh, en] = why[error.reason];
  return `时限“${error.text}”无效：${zh}；单位为 wd（工作日）、wh（工作小时）或 cd（自然日），如 5wd ` +
    `(invalid limit "${error.text}": ${en}; units are wd (working days), wh (working hours) or cd (calendar days), e.g. 5wd)`;
}

export function dueCommand(): Command {
  return new Command('due')
    .description('按工作日历计算办理时限的到期时刻 (when a time limit falls due, by the working-day calendar)')
    .argument('<start>', '起算时刻，如 2026-09-30T10:00+08:00 (start instant)')
    .argument('<limit>', '时限，如 5wd、4wh、3cd (time limit)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addOption(languageOption())
    .action(runAction(due));
}
