/**
 * What the renderer needs besides rules: which fields to show, and which
 * values to send. Both are the server's own functions over the same
 * variables, so the page and the server cannot drift apart.
 */
import type { FormSchema } from '../schema/form.js';
import { listFields } from '../schema/fields.js';
import { deepMerge, getPath, hasPath, setPath } from '../submission/paths.js';
import { accessOf, isWritable, type FieldPermissions } from '../submission/permissions.js';
import { visibilityOver } from '../submission/visibility.js';
import type { ColumnField, TableField } from '../schema/components.js';
import { isPlainObject } from '../values/checks.js';

/** A row as the page sends it: the table's columns only, whatever else the page's model holds. */
function onlyColumns(table: TableField, row: unknown): unknown {
  if (!isPlainObject(row)) return row;
  return Object.fromEntries(table.components.filter((column) => Object.hasOwn(row, column.key)).map((column) => [column.key, row[column.key]]));
}

/**
 * Keys of the fields shown: hide conditions over the context with the values
 * on top. Pass `collectSubmission(schema, model)`, so the page decides on
 * exactly the variables the server will see.
 */
export function visibleFieldKeys(schema: FormSchema, values: Record<string, unknown>, options: { context?: Record<string, unknown> } = {}): Set<string> {
  const visibility = visibilityOver(deepMerge(options.context ?? {}, values) as Record<string, unknown>);
  return new Set(listFields(schema).filter((entry) => visibility.isVisible(entry)).map((entry) => entry.key));
}

/** Whether a table column is shown in one row. */
export function isColumnShown(column: ColumnField, values: Record<string, unknown>, row: Record<string, unknown>, options: { context?: Record<string, unknown> } = {}): boolean {
  return visibilityOver(deepMerge(options.context ?? {}, values) as Record<string, unknown>).isColumnVisible(column, row);
}

/**
 * The submission for a form model: the values of every field the task may
 * write, shown or hidden (the server drops hidden ones after evaluating the
 * same conditions), table rows cut to their columns. Read-only and hidden-by-permission fields are left out:
 * the server refuses them.
 */
export function collectSubmission(schema: FormSchema, model: Record<string, unknown>, options: { permissions?: FieldPermissions } = {}): Record<string, unknown> {
  const submission: Record<string, unknown> = {};
  for (const entry of listFields(schema)) {
    if (!isWritable(accessOf(entry, options.permissions)) || !hasPath(model, entry.key)) continue;
    const value = getPath(model, entry.key);
    setPath(submission, entry.key, entry.field.type === 'dynamiclist' && Array.isArray(value) ? value.map((row) => onlyColumns(entry.field as TableField, row)) : value);
  }
  return submission;
}
