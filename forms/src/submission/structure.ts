import { problem, type FormProblem } from '../problem.js';
import { FORBIDDEN_KEYS } from '../schema/keys.js';
import { isPlainObject } from '../values/checks.js';

/**
 * Keys a submission may not hold anywhere: `__proto__`, `constructor`,
 * `prototype`. Iterative, with a depth bound, so hostile nesting neither
 * exhausts the stack nor slips through.
 */
export function forbiddenKeyErrors(data: unknown, maxDepth = 64): FormProblem[] {
  const errors: FormProblem[] = [];
  // Breadth-first through a queue: problems come out in the document's order.
  const queue: { value: unknown; path: string; depth: number }[] = [{ value: data, path: '', depth: 0 }];
  for (let next = 0; next < queue.length; next++) {
    const { value, path, depth } = queue[next] as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) {
      errors.push(problem(path, 'form/too-deep', `嵌套超过 ${maxDepth} 层`, `nested deeper than ${maxDepth} levels`));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) errors.push(problem(at, 'form/forbidden-key', `不允许的字段名“${key}”`, `the field name "${key}" is not allowed`));
      else queue.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return errors;
}

/**
 * Every key of the submission that is neither a field nor an object on the
 * way to one, each an error of its own; and objects expected where
 * something else was sent.
 */
export function structureErrors(data: Record<string, unknown>, fieldKeys: readonly string[]): FormProblem[] {
  const fields = new Set(fieldKeys);
  const containers = new Set(fieldKeys.flatMap((key) => key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
  const errors: FormProblem[] = [];
  const visit = (node: Record<string, unknown>, base: string) => {
    for (const key of Object.keys(node)) {
      const path = base === '' ? key : `${base}.${key}`;
      if (fields.has(path)) continue;
      if (!containers.has(path)) {
        errors.push(problem(path, 'form/unknown-field', `表单没有字段“${path}”`, `the form has no field "${path}"`));
        continue;
      }
      const child = node[key];
      if (isPlainObject(child)) visit(child, path);
      else if (child !== undefined && child !== null) errors.push(problem(path, 'form/not-object', `“${path}”应为对象`, `"${path}" must be an object`));
    }
  };
  visit(data, '');
  return errors;
}
