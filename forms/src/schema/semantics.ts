/**
 * Checks zod's shapes cannot express: keys that are variable paths and do
 * not collide, FEEL that parses, patterns that are safe, bounds in order,
 * options without duplicates, groups not nested too deep. They read the raw
 * document defensively, so they report even where zod found other problems
 * and every problem shows at once.
 */
import { feelProblem } from '../feel/feel.js';
import { problem, schemaPath, type FormProblem } from '../problem.js';
import { keyProblem } from './keys.js';
import { DEFAULT_LIMITS, SCHEMA_LIMITS } from './limits.js';
import { patternProblem, PATTERN_MAX_INPUT } from './pattern.js';

type Raw = Record<string, unknown>;

function record(value: unknown): Raw | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function semanticProblems(json: unknown): FormProblem[] {
  const problems: FormProblem[] = [];
  const keys: { key: string; path: string }[] = [];
  const visit = (components: unknown, base: string, depth: number) => {
    list(components).forEach((raw, index) => {
      const at = schemaPath(base, index);
      const component = record(raw);
      if (component === undefined) return;
      checkComponent(component, at, problems);
      if (component.type === 'group') {
        if (depth >= SCHEMA_LIMITS.maxGroupDepth) {
          problems.push(problem(at, 'schema/too-deep', `分组嵌套超过 ${SCHEMA_LIMITS.maxGroupDepth} 层`, `groups nested deeper than ${SCHEMA_LIMITS.maxGroupDepth}`));
          return;
        }
        visit(component.components, schemaPath(at, 'components'), depth + 1);
        return;
      }
      const key = component.type === 'dynamiclist' ? component.path : component.key;
      if (typeof key === 'string') {
        const where = schemaPath(at, component.type === 'dynamiclist' ? 'path' : 'key');
        const bad = keyProblem(key);
        if (bad) problems.push(problem(where, 'schema/key', bad.zh, bad.en));
        else keys.push({ key, path: where });
      }
      if (component.type === 'dynamiclist') checkColumns(component, at, problems);
    });
  };
  visit(record(json)?.components, 'components', 0);
  problems.push(...keyCollisions(keys));
  const evaluations = conditionEvaluations(record(json)?.components);
  if (evaluations > SCHEMA_LIMITS.maxConditionEvaluations) {
    problems.push(problem('components', 'schema/too-many-conditions',
      `一次提交最多计算 ${SCHEMA_LIMITS.maxConditionEvaluations} 次显示条件，此表单可达 ${evaluations} 次（减少表格的条件列或最大行数）`,
      `a submission may evaluate at most ${SCHEMA_LIMITS.maxConditionEvaluations} conditions; this form can need ${evaluations} (fewer conditional columns or rows)`));
  }
  return problems;
}

/** The most hide conditions one submission can make the server evaluate. */
function conditionEvaluations(components: unknown): number {
  return list(components).reduce<number>((sum, raw) => {
    const component = record(raw);
    if (component === undefined) return sum;
    const own = record(component.conditional)?.hide !== undefined ? 1 : 0;
    if (component.type === 'group') return sum + own + conditionEvaluations(component.components);
    if (component.type !== 'dynamiclist') return sum + own;
    const conditional = list(component.components).filter((column) => record(record(column)?.conditional)?.hide !== undefined).length;
    const maxRows = record(component.validate)?.maxRows;
    return sum + own + conditional * (typeof maxRows === 'number' ? maxRows : DEFAULT_LIMITS.tableMaxRows);
  }, 0);
}

function checkColumns(table: Raw, at: string, problems: FormProblem[]): void {
  const seen = new Set<string>();
  list(table.components).forEach((raw, index) => {
    const column = record(raw);
    const columnAt = schemaPath(schemaPath(at, 'components'), index);
    if (column === undefined) return;
    checkComponent(column, columnAt, problems);
    if (column.readonly !== undefined) {
      problems.push(problem(schemaPath(columnAt, 'readonly'), 'schema/readonly-column', '表格列不能单独设为只读，请设置整个表格', 'a table column cannot be read-only on its own; make the whole table read-only'));
    }
    if (column.prefill !== undefined) {
      problems.push(problem(schemaPath(columnAt, 'prefill'), 'schema/prefill-in-table', '表格列不能绑定预填', 'a table column cannot have a prefill binding'));
    }
    if (typeof column.key !== 'string') return;
    const bad = keyProblem(column.key, { single: true });
    if (bad) problems.push(problem(schemaPath(columnAt, 'key'), 'schema/key', bad.zh, bad.en));
    else if (seen.has(column.key)) problems.push(problem(schemaPath(columnAt, 'key'), 'schema/duplicate-key', `列键“${column.key}”重复`, `the column key "${column.key}" is used twice`));
    seen.add(column.key);
  });
}

function checkComponent(component: Raw, at: string, problems: FormProblem[]): void {
  const hide = record(component.conditional)?.hide;
  if (typeof hide === 'string') {
    const bad = feelProblem(hide);
    if (bad) problems.push(problem(schemaPath(schemaPath(at, 'conditional'), 'hide'), 'schema/feel', bad.zh, bad.en));
  }
  const validate = record(component.validate);
  if (validate !== undefined) checkValidate(validate, schemaPath(at, 'validate'), problems);
  const seen = new Set<unknown>();
  list(component.values).forEach((raw, index) => {
    const value = record(raw)?.value;
    if (seen.has(value)) problems.push(problem(schemaPath(schemaPath(schemaPath(at, 'values'), index), 'value'), 'schema/duplicate-option', `选项值 ${JSON.stringify(value)} 重复`, `the option value ${JSON.stringify(value)} is used twice`));
    seen.add(value);
  });
}

function checkValidate(validate: Raw, at: string, problems: FormProblem[]): void {
  const order = (low: string, high: string) => {
    const [a, b] = [validate[low], validate[high]];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      problems.push(problem(schemaPath(at, low), 'schema/bounds', `${low} 不能大于 ${high}`, `${low} is greater than ${high}`));
    }
  };
  order('minLength', 'maxLength');
  order('min', 'max');
  order('minRows', 'maxRows');
  if (typeof validate.pattern !== 'string') return;
  const bad = patternProblem(validate.pattern);
  if (bad) problems.push(problem(schemaPath(at, 'pattern'), 'schema/pattern', bad.zh, bad.en));
  const maxLength = validate.maxLength;
  if (typeof maxLength === 'number' && maxLength > PATTERN_MAX_INPUT) {
    problems.push(problem(schemaPath(at, 'maxLength'), 'schema/pattern-length', `带正则校验的字段最多 ${PATTERN_MAX_INPUT} 个字符`, `a field with a pattern takes at most ${PATTERN_MAX_INPUT} characters`));
  }
}

/**
 * Two inputs writing the same variable, or one writing `company` and
 * another `company.name` (a value and an object at once), cannot both be
 * kept: both are problems at the later key.
 */
function keyCollisions(keys: readonly { key: string; path: string }[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Map<string, string>();
  for (const { key, path } of keys) {
    if (seen.has(key)) {
      problems.push(problem(path, 'schema/duplicate-key', `键“${key}”重复`, `the key "${key}" is used twice`));
      continue;
    }
    for (const other of seen.keys()) {
      if (key.startsWith(`${other}.`) || other.startsWith(`${key}.`)) {
        problems.push(problem(path, 'schema/key-conflict', `键“${key}”与“${other}”冲突（一个是另一个的上级）`, `the key "${key}" conflicts with "${other}" (one contains the other)`));
      }
    }
    seen.set(key, path);
  }
  return problems;
}
