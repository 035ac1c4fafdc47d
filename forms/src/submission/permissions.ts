import type { FieldEntry } from '../schema/fields.js';

/**
 * What a task may do with each field, keyed by the field's key (a table's
 * key covers its columns). A field the task does not list keeps the
 * form's own setting: read-only when the schema says `readonly`, editable
 * otherwise.
 */
export type FieldAccess = 'hidden' | 'readonly' | 'editable' | 'required';
export type FieldPermissions = Readonly<Record<string, FieldAccess>>;

export function accessOf(entry: FieldEntry, permissions: FieldPermissions | undefined): FieldAccess {
  const own = permissions !== undefined && Object.hasOwn(permissions, entry.key) ? permissions[entry.key] : undefined;
  return own ?? (entry.field.readonly === true ? 'readonly' : 'editable');
}

export function isWritable(access: FieldAccess): boolean {
  return access === 'editable' || access === 'required';
}

/** Required in this task: the task says so, or the form does and the task lets the clerk write it. */
export function isRequiredIn(entry: FieldEntry, access: FieldAccess): boolean {
  if (access === 'required') return true;
  return access === 'editable' && entry.field.validate?.required === true;
}

/** Permission keys that name no field of the form: a misconfigured task, reported rather than ignored. */
export function unknownPermissionKeys(entries: readonly FieldEntry[], permissions: FieldPermissions | undefined): string[] {
  if (permissions === undefined) return [];
  const keys = new Set(entries.map((entry) => entry.key));
  return Object.keys(permissions).filter((key) => !keys.has(key));
}
