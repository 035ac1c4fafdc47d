/**
 * The components of a form, in form-js's JSON format (ADR 0006) with
 * Tongban's additions: English labels (`labelEn`), the prefill binding, the
 * material a field replaces, and the domain types form-js does not have
 * (citizenId, creditCode, mobile, address, commitment). Objects are strict
 * so a misspelt property is a problem, not a silently ignored setting.
 */
import { z } from 'zod';
import { SCHEMA_LIMITS } from './limits.js';

/** A string matching `re`, with the problem worded in both languages. */
export function matching(re: RegExp, zh: string, en: string) {
  return z.string().superRefine((value, ctx) => {
    if (!re.test(value)) ctx.addIssue({ code: 'custom', message: zh, params: { code: 'schema/format', messageEn: en } });
  });
}

const label = z.string().trim().min(1).max(SCHEMA_LIMITS.maxLabelLength);
const text = z.string().max(SCHEMA_LIMITS.maxTextLength);
const count = (max: number) => z.number().int().min(0).max(max);

/** form-js's layout and custom properties, kept so the editor round-trips them. */
const presentation = {
  id: z.string().max(100).optional(),
  layout: z.strictObject({ row: z.string().max(100).optional(), columns: z.number().int().min(1).max(16).nullable().optional() }).optional(),
  properties: z.record(z.string().max(100), z.string().max(1000)).optional(),
  conditional: z.strictObject({ hide: z.string().max(2000) }).optional(),
};

/** `{ connector, field }`: a connector id and one of the fields the connector declares. */
export const prefillBinding = z.strictObject({
  connector: matching(/^[a-z][a-z0-9-]{1,63}$/, '连接器标识须为小写字母、数字和连字符', 'a connector id is lower-case kebab case'),
  field: matching(/^[A-Za-z_]\w{0,63}$/, '连接器字段名无效', 'not a connector field name'),
});

/** 材料: the paper material the field makes unnecessary, for the "materials saved" figure. */
const material = z.strictObject({ name: label, nameEn: label, code: z.string().max(100).optional() });

const input = {
  ...presentation,
  key: z.string(),
  label,
  labelEn: label,
  description: text.optional(),
  descriptionEn: text.optional(),
  /** Display-only in every task unless the task's permissions say otherwise. */
  readonly: z.boolean().optional(),
  prefill: prefillBinding.optional(),
  material: material.optional(),
};

const required = { required: z.boolean().optional() };
const stringLimits = {
  ...required,
  minLength: count(SCHEMA_LIMITS.maxStringLength).optional(),
  maxLength: z.number().int().min(1).max(SCHEMA_LIMITS.maxStringLength).optional(),
  pattern: z.string().optional(),
  patternMessage: label.optional(),
  patternMessageEn: label.optional(),
};

const option = z.strictObject({ label, labelEn: label, value: z.string().min(1).max(200) });
const options = z.array(option).min(1).max(SCHEMA_LIMITS.maxOptions);

const textfield = z.strictObject({ ...input, type: z.literal('textfield'), validate: z.strictObject(stringLimits).optional() });
const textarea = z.strictObject({ ...input, type: z.literal('textarea'), validate: z.strictObject(stringLimits).optional() });
const number = z.strictObject({
  ...input,
  type: z.literal('number'),
  decimalDigits: count(10).optional(),
  validate: z.strictObject({ ...required, min: z.number().optional(), max: z.number().optional() }).optional(),
});
/** form-js's datetime; Tongban forms take dates only (YYYY-MM-DD). */
const datetime = z.strictObject({ ...input, type: z.literal('datetime'), subtype: z.literal('date'), validate: z.strictObject(required).optional() });
const select = z.strictObject({ ...input, type: z.literal('select'), values: options, validate: z.strictObject(required).optional() });
const radio = z.strictObject({ ...input, type: z.literal('radio'), values: options, validate: z.strictObject(required).optional() });
const checklist = z.strictObject({ ...input, type: z.literal('checklist'), values: options, validate: z.strictObject(required).optional() });
const checkbox = z.strictObject({ ...input, type: z.literal('checkbox'), validate: z.strictObject(required).optional() });
const filepicker = z.strictObject({
  ...input,
  type: z.literal('filepicker'),
  multiple: z.boolean().optional(),
  /** form-js's `accept`: comma-separated extensions such as `.pdf,.jpg`. */
  accept: matching(/^\s*\.[A-Za-z0-9]{1,10}(\s*,\s*\.[A-Za-z0-9]{1,10})*\s*$/, 'accept 须为以逗号分隔的扩展名，如 .pdf,.jpg', 'accept is comma-separated extensions such as .pdf,.jpg').optional(),
  maxSize: z.number().int().min(1).max(SCHEMA_LIMITS.maxFileBytes).optional(),
  maxFiles: z.number().int().min(1).max(SCHEMA_LIMITS.maxFiles).optional(),
  validate: z.strictObject(required).optional(),
});
const citizenId = z.strictObject({ ...input, type: z.literal('citizenId'), validate: z.strictObject(required).optional() });
const creditCode = z.strictObject({ ...input, type: z.literal('creditCode'), validate: z.strictObject(required).optional() });
const mobile = z.strictObject({ ...input, type: z.literal('mobile'), validate: z.strictObject(required).optional() });
const address = z.strictObject({
  ...input,
  type: z.literal('address'),
  validate: z.strictObject({ ...required, maxLength: z.number().int().min(1).max(SCHEMA_LIMITS.maxLabelLength * 5).optional() }).optional(),
});
/** 告知承诺: the statement shown, and a box the applicant ticks to sign it. */
const commitment = z.strictObject({
  ...input,
  type: z.literal('commitment'),
  text: z.string().trim().min(1).max(SCHEMA_LIMITS.maxTextLength),
  textEn: z.string().trim().min(1).max(SCHEMA_LIMITS.maxTextLength),
  validate: z.strictObject(required).optional(),
});

const columnTypes = [textfield, textarea, number, datetime, select, radio, checklist, checkbox, filepicker, citizenId, creditCode, mobile, address, commitment] as const;
const column = z.discriminatedUnion('type', columnTypes);

/** A table of rows (form-js's dynamiclist): `path` is its key, each row an object of the columns. */
const dynamiclist = z.strictObject({
  ...presentation,
  type: z.literal('dynamiclist'),
  path: z.string(),
  label,
  labelEn: label,
  description: text.optional(),
  descriptionEn: text.optional(),
  readonly: z.boolean().optional(),
  isRepeating: z.literal(true).optional(),
  allowAddRemove: z.boolean().optional(),
  defaultRepetitions: count(SCHEMA_LIMITS.maxRows).optional(),
  showOutline: z.boolean().optional(),
  material: material.optional(),
  components: z.array(column).min(1).max(SCHEMA_LIMITS.maxColumns),
  validate: z.strictObject({ ...required, minRows: count(SCHEMA_LIMITS.maxRows).optional(), maxRows: z.number().int().min(1).max(SCHEMA_LIMITS.maxRows).optional() }).optional(),
});

/** Static content: form-js's text (markdown), separator and spacer. */
const textView = z.strictObject({ ...presentation, type: z.literal('text'), text, textEn: text.optional() });
const separator = z.strictObject({ ...presentation, type: z.literal('separator') });
const spacer = z.strictObject({ ...presentation, type: z.literal('spacer'), height: z.number().int().min(0).max(1000).optional() });

export type GroupComponent = {
  type: 'group';
  id?: string;
  layout?: { row?: string; columns?: number | null };
  properties?: Record<string, string>;
  conditional?: { hide: string };
  label?: string;
  labelEn?: string;
  showOutline?: boolean;
  components: Component[];
};

/** A section: its hide condition hides everything inside it. */
const group: z.ZodType<GroupComponent> = z.strictObject({
  ...presentation,
  type: z.literal('group'),
  label: label.optional(),
  labelEn: label.optional(),
  showOutline: z.boolean().optional(),
  get components() {
    return z.array(component).max(SCHEMA_LIMITS.maxComponents);
  },
});

export const COMPONENT_TYPES = [
  'textfield', 'textarea', 'number', 'datetime', 'select', 'radio', 'checklist', 'checkbox', 'filepicker',
  'citizenId', 'creditCode', 'mobile', 'address', 'commitment', 'dynamiclist', 'group', 'text', 'separator', 'spacer',
] as const;

// Groups nest components, so the union refers to itself; zod infers no type for such a cycle, hence the declared type and casts.
export const component: z.ZodType<Component> = z.lazy(() =>
  z.discriminatedUnion('type', [...columnTypes, dynamiclist, group as never, textView, separator, spacer]),
) as never;

export type ColumnField = z.output<typeof column>;
export type TableField = z.output<typeof dynamiclist>;
export type InputField = ColumnField;
export type FieldType = ColumnField['type'];
export type DisplayComponent = z.output<typeof textView> | z.output<typeof separator> | z.output<typeof spacer>;
export type Component = ColumnField | TableField | GroupComponent | DisplayComponent;
export type PrefillBinding = z.output<typeof prefillBinding>;
