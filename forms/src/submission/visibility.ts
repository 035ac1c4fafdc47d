import { isHiddenBy } from '../feel/feel.js';
import type { ColumnField } from '../schema/components.js';
import type { FieldEntry } from '../schema/fields.js';

export type Visibility = {
  /** Whether a field is shown: its own hide condition and those of the groups around it. */
  isVisible(entry: FieldEntry): boolean;
  /** Whether a table column is shown in one row: `this` is the row. */
  isColumnVisible(column: ColumnField, row: Record<string, unknown>): boolean;
};

/**
 * Visibility over the form's variables: the context (process variables)
 * with the form's values laid on top. The renderer and the server use the
 * same functions over the same variables. feelin parses an expression at
 * every evaluation, so each result is kept for the variables it was
 * computed over: a group's condition is evaluated once for all its fields,
 * and a column's once per distinct row.
 */
export function visibilityOver(variables: Record<string, unknown>): Visibility {
  const results = new Map<string, boolean>();
  const hidden = (expression: string, scope: Record<string, unknown>, key: string) => {
    let result = results.get(key);
    if (result === undefined) {
      result = isHiddenBy(expression, scope);
      results.set(key, result);
    }
    return result;
  };
  return {
    isVisible: (entry) => !entry.hides.some((hide) => hidden(hide, variables, `\u0000${hide}`)),
    isColumnVisible: (column, row) => {
      const hide = column.conditional?.hide;
      return hide === undefined || !hidden(hide, { ...variables, this: row }, `${JSON.stringify(row)}\u0000${hide}`);
    },
  };
}
