/**
 * el-form's validation, run in Node: what element-plus does with the rules
 * of `toRendererRules`. Each rendered form item validates its own value
 * with `new AsyncValidator({ [prop]: rules }).validate({ [prop]: value },
 * { firstFields: true })`; items of hidden fields and of fields the task may
 * not write are not rendered, so not validated.
 */
import Schema from 'async-validator';
import {
  collectSubmission, isColumnShown, listFields, toRendererRules, visibleFieldKeys,
  type FieldPermissions, type FormSchema, type RendererRule,
} from '../../src/index.js';

export type RendererRun = { ok: boolean; errors: { path: string; message: string }[]; submission: Record<string, unknown> };

async function validateItem(prop: string, rules: RendererRule[], value: unknown): Promise<{ path: string; message: string }[]> {
  try {
    await new Schema({ [prop]: rules as never }).validate({ [prop]: value }, { firstFields: true });
    return [];
  } catch (failure) {
    const errors = (failure as { errors?: { message?: string }[] }).errors;
    if (!errors) throw failure;
    return errors.map((error) => ({ path: prop, message: error.message ?? '' }));
  }
}

function get(model: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((at, segment) => (at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[segment] : undefined), model);
}

export async function runRenderer(
  schema: FormSchema,
  model: Record<string, unknown>,
  options: { permissions?: FieldPermissions; context?: Record<string, unknown>; today?: string; lang?: 'zh' | 'en' } = {},
): Promise<RendererRun> {
  const rules = toRendererRules(schema, options);
  const submission = collectSubmission(schema, model, options);
  const visible = visibleFieldKeys(schema, submission, options);
  const errors: { path: string; message: string }[] = [];
  for (const entry of listFields(schema)) {
    const fieldRules = rules.fields[entry.key];
    if (fieldRules === undefined || !visible.has(entry.key)) continue;
    // The submission holds the model's values of writable fields, rows cut to their columns: what the page validates and sends.
    const value = get(submission, entry.key);
    errors.push(...(await validateItem(entry.key, fieldRules, value)));
    if (entry.field.type !== 'dynamiclist' || !Array.isArray(value)) continue;
    for (const [index, row] of value.entries()) {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
      for (const column of entry.field.components) {
        if (!isColumnShown(column, submission, row as Record<string, unknown>, options)) continue;
        const prop = `${entry.key}.${index}.${column.key}`;
        errors.push(...(await validateItem(prop, rules.columns[entry.key]?.[column.key] ?? [], (row as Record<string, unknown>)[column.key])));
      }
    }
  }
  return { ok: errors.length === 0, errors, submission };
}
