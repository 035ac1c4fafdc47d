import { problem, schemaPath, type FormProblem } from '../problem.js';
import { FORBIDDEN_KEYS } from './keys.js';
import { SCHEMA_LIMITS } from './limits.js';

/**
 * A walk over the raw JSON before zod sees it: reserved property names
 * anywhere, nesting deeper than any form needs, and more components than
 * the limit. Iterative, so a hostile document cannot exhaust the stack.
 */
export function prescan(json: unknown): FormProblem[] {
  const problems: FormProblem[] = [];
  let components = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: json, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > SCHEMA_LIMITS.maxJsonDepth) {
      problems.push(problem(path, 'schema/too-deep', `嵌套超过 ${SCHEMA_LIMITS.maxJsonDepth} 层`, `nested deeper than ${SCHEMA_LIMITS.maxJsonDepth} levels`));
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: schemaPath(path, index), depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = schemaPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(problem(at, 'schema/forbidden-key', `不允许使用属性名“${key}”`, `the property name "${key}" is not allowed`));
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      if (key === 'components' && Array.isArray(child)) components += child.length;
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  if (components > SCHEMA_LIMITS.maxComponents) {
    problems.push(problem('components', 'schema/too-many-components', `组件超过 ${SCHEMA_LIMITS.maxComponents} 个`, `more than ${SCHEMA_LIMITS.maxComponents} components`));
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
