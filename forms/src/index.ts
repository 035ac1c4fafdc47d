export { type FormProblem } from './problem.js';
export {
  COMPONENT_TYPES,
  type ColumnField,
  type Component,
  type FieldType,
  type GroupComponent,
  type PrefillBinding,
  type TableField,
} from './schema/components.js';
export { TB_SCHEMA_VERSION, type FormSchema } from './schema/form.js';
export { listFields, type FieldEntry } from './schema/fields.js';
export { DEFAULT_LIMITS, DEFAULT_MAX_SUBMISSION_BYTES, SCHEMA_LIMITS } from './schema/limits.js';
export { parseFormSchema, type ParseFormSchemaResult } from './schema/parse.js';
export { validateSubmission, type FieldError, type SubmissionResult, type ValidateSubmissionOptions } from './submission/validate.js';
export { type FieldAccess, type FieldPermissions } from './submission/permissions.js';
export { toRendererRules, type RendererRule, type RendererRuleOptions, type RendererRules } from './renderer/rules.js';
export { collectSubmission, isColumnShown, visibleFieldKeys } from './renderer/model.js';
export { checkBindings } from './bindings/check.js';
export { checkForm, type CheckFormOptions, type FileProblem } from './bindings/check-form.js';
