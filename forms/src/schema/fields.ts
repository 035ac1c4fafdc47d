import type { ColumnField, Component, TableField } from './components.js';
import type { FormSchema } from './form.js';

/**
 * An input as validation sees it: where it sits in the data (`key`, the
 * group paths applied), where it sits in the schema, and the hide
 * conditions of the groups around it, which hide it too.
 */
export type FieldEntry = {
  key: string;
  field: ColumnField | TableField;
  /** `components[2].components[0]`: for problems about the definition. */
  schemaPath: string;
  /** The field's own hide condition first, then those of the groups around it, innermost first. */
  hides: string[];
};

/** Every input of the form, groups flattened, in document order. */
export function listFields(schema: Pick<FormSchema, 'components'>): FieldEntry[] {
  const entries: FieldEntry[] = [];
  const visit = (components: readonly Component[], base: string, hides: string[]) => {
    components.forEach((component, index) => {
      const at = `${base}[${index}]`;
      const own = component.conditional?.hide;
      const around = own === undefined ? hides : [own, ...hides];
      if (component.type === 'group') {
        visit(component.components, `${at}.components`, around);
      } else if (component.type === 'dynamiclist') {
        entries.push({ key: component.path, field: component, schemaPath: at, hides: around });
      } else if ('key' in component) {
        entries.push({ key: component.key, field: component, schemaPath: at, hides: around });
      }
    });
  };
  visit(schema.components, 'components', []);
  return entries;
}

