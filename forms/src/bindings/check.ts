/**
 * A form's prefill bindings against the connectors that exist: each
 * binding's connector must be declared and must declare the field, and the
 * field's type must fit the input it fills (a date into a date, a citizen ID
 * into a citizen ID or text).
 */
import type { Connector, FieldType as ConnectorFieldType } from '@tongban/connectors/model';
import { problem, type FormProblem } from '../problem.js';
import type { FormSchema } from '../schema/form.js';
import { listFields } from '../schema/fields.js';

const FITS: Record<ConnectorFieldType, readonly string[]> = {
  string: ['textfield', 'textarea', 'select', 'radio', 'address'],
  number: ['number', 'textfield'],
  boolean: ['checkbox'],
  date: ['datetime', 'textfield'],
  citizenId: ['citizenId', 'textfield'],
  creditCode: ['creditCode', 'textfield'],
  mobile: ['mobile', 'textfield'],
};

export function checkBindings(schema: FormSchema, connectors: readonly Connector[]): FormProblem[] {
  const byId = new Map(connectors.map((connector) => [connector.id, connector]));
  const problems: FormProblem[] = [];
  for (const { field, schemaPath } of listFields(schema)) {
    if (field.type === 'dynamiclist' || field.prefill === undefined) continue;
    const at = `${schemaPath}.prefill`;
    const { connector: id, field: name } = field.prefill;
    const connector = byId.get(id);
    if (connector === undefined) {
      problems.push(problem(`${at}.connector`, 'binding/unknown-connector', `没有连接器“${id}”`, `there is no connector "${id}"`));
      continue;
    }
    const declared = Object.hasOwn(connector.fields, name) ? connector.fields[name] : undefined;
    if (declared === undefined) {
      problems.push(problem(`${at}.field`, 'binding/unknown-field', `连接器“${id}”没有声明字段“${name}”`, `the connector "${id}" declares no field "${name}"`));
      continue;
    }
    if (!FITS[declared.type].includes(field.type)) {
      problems.push(problem(`${at}.field`, 'binding/type', `连接器字段“${name}”（${declared.type}）不能填入 ${field.type} 字段`, `the connector field "${name}" (${declared.type}) cannot fill a ${field.type} field`));
    }
  }
  return problems;
}
