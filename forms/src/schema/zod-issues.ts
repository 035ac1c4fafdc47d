import type { z } from 'zod';
import { problem, schemaPath, type FormProblem } from '../problem.js';

/**
 * zod's issues as bilingual problems. zod words its messages in English
 * only, so each issue kind gets a Chinese wording here; issues raised by
 * this package carry their English text in `params.messageEn`.
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[], base = ''): FormProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.reduce<string>((at, segment) => schemaPath(at, typeof segment === 'number' ? segment : String(segment)), base);
    return translate(issue, path);
  });
}

function translate(issue: z.core.$ZodIssue, path: string): FormProblem[] {
  const own = (issue as { params?: { messageEn?: string; code?: string } }).params;
  if (own?.messageEn !== undefined) return [problem(path, own.code ?? 'schema/invalid', issue.message, own.messageEn)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem(schemaPath(path, key), 'schema/unknown-property', `未知属性“${key}”`, `unknown property "${key}"`));
    case 'invalid_union':
      if ((issue as { discriminator?: string }).discriminator !== undefined) {
        return [problem(path, 'schema/unknown-type', '未知的组件类型', 'unknown component type')];
      }
      return [problem(path, 'schema/invalid', '取值无效', 'invalid value')];
    case 'invalid_type':
      if (issue.input === undefined) return [problem(path, 'schema/missing', '缺少必填属性', 'missing property')];
      return [problem(path, 'schema/type', `类型错误，应为 ${issue.expected}`, `wrong type, expected ${issue.expected}`)];
    case 'too_small':
      return [problem(path, 'schema/too-small', `不能小于 ${String(issue.minimum)}（${unit(issue.origin, 'zh')}）`, `must be at least ${String(issue.minimum)} (${unit(issue.origin, 'en')})`)];
    case 'too_big':
      return [problem(path, 'schema/too-big', `不能大于 ${String(issue.maximum)}（${unit(issue.origin, 'zh')}）`, `must be at most ${String(issue.maximum)} (${unit(issue.origin, 'en')})`)];
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value)).join(' | ');
      return [problem(path, 'schema/invalid-value', `取值无效，应为 ${values}`, `invalid value, expected ${values}`)];
    }
    default:
      return [problem(path, 'schema/invalid', `取值无效：${issue.message}`, issue.message)];
  }
}

function unit(origin: string, lang: 'zh' | 'en'): string {
  const units: Record<string, [string, string]> = {
    string: ['字符数', 'characters'],
    array: ['项数', 'items'],
    number: ['数值', 'value'],
    set: ['项数', 'items'],
  };
  const pair = units[origin] ?? ['数值', 'value'];
  return lang === 'zh' ? pair[0] : pair[1];
}
