import { z } from 'zod';
import { component, matching } from './components.js';
import { SCHEMA_LIMITS } from './limits.js';

/** Version of Tongban's additions to the form-js format; bump it when their meaning changes. */
export const TB_SCHEMA_VERSION = 1;

/**
 * A form: form-js's document (`type: "default"`, `id`, `schemaVersion`,
 * `components`, optional `versionTag` and `exporter`) plus Tongban's
 * `tbSchemaVersion` and bilingual title. `id` is the key a diagram names in
 * `tb:form`.
 */
export const formSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  type: z.literal('default'),
  id: matching(/^[a-z][a-z0-9-]{1,63}$/, '表单标识须为小写字母、数字和连字符', 'a form id is lower-case kebab case'),
  /** form-js's format version; the forms written by form-js 1.x editors. */
  schemaVersion: z.number().int().min(16).max(19),
  tbSchemaVersion: z.literal(TB_SCHEMA_VERSION),
  /** The form's own version, as the process version that uses it pins it. */
  versionTag: z.string().max(50).optional(),
  title: z.string().trim().min(1).max(SCHEMA_LIMITS.maxLabelLength),
  titleEn: z.string().trim().min(1).max(SCHEMA_LIMITS.maxLabelLength),
  exporter: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }).optional(),
  components: z.array(component).min(1).max(SCHEMA_LIMITS.maxComponents),
});

export type FormSchema = z.output<typeof formSchema>;
