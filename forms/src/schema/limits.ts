/**
 * Size limits of a form definition and of a submission. A form is written
 * by a person in an editor, so anything past these is a mistake or an
 * attack; the numbers are generous for the longest government forms seen
 * (about 150 fields) and keep validation of one submission in milliseconds.
 */
export const SCHEMA_LIMITS = {
  /** UTF-8 bytes of the schema's JSON text. */
  maxBytes: 512 * 1024,
  /** Components of every kind, nested ones included. */
  maxComponents: 500,
  /** Groups inside groups. */
  maxGroupDepth: 5,
  /** Nesting of any JSON value in the document. */
  maxJsonDepth: 32,
  /** Characters of a key (dotted path) and segments in it. */
  maxKeyLength: 100,
  maxKeySegments: 8,
  /** Options of a select, radio or checklist. */
  maxOptions: 500,
  /** Sub-fields of one table. */
  maxColumns: 50,
  /** Characters of a label, option label, description or commitment text. */
  maxLabelLength: 200,
  maxTextLength: 5_000,
  /** The highest `maxLength` a designer may set, and the highest row count of a table. */
  maxStringLength: 20_000,
  maxRows: 1_000,
  /** A validation pattern's source. */
  maxPatternLength: 200,
  /** Bytes a file reference may declare (the file store enforces it on upload). */
  maxFileBytes: 100 * 1024 * 1024,
  maxFiles: 50,
  /**
   * Hide conditions one submission may evaluate: each field's and, per
   * table, each conditional column times the most rows. feelin parses an
   * expression at every evaluation (about half a millisecond with a form's
   * values), so this bounds the server's work for one submission.
   */
  maxConditionEvaluations: 500,
} as const;

/** What a field gets when the designer sets no limit: the renderer and the server apply the same. */
export const DEFAULT_LIMITS = {
  textfieldMaxLength: 500,
  textareaMaxLength: 5_000,
  addressMaxLength: 200,
  tableMaxRows: 200,
  fileMaxBytes: 20 * 1024 * 1024,
  files: 20,
} as const;

/** UTF-8 bytes of a whole submission's JSON; the server refuses more before looking inside. */
export const DEFAULT_MAX_SUBMISSION_BYTES = 1024 * 1024;
