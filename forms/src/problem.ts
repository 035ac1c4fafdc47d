/**
 * What every check in this package reports: a stable code to branch on, a
 * path the designer or the renderer can point at, and the message in
 * Chinese (shown by default) and English.
 */
export type FormProblem = {
  /** Dotted path with indices: `components[2].validate.maxLength` in a schema, `staff.0.citizenId` in a submission. */
  path: string;
  code: string;
  message: string;
  messageEn: string;
};

export function problem(path: string, code: string, message: string, messageEn: string): FormProblem {
  return { path, code, message, messageEn };
}

/** Appends a segment the way problem paths are written: names with dots, indices in brackets. */
export function schemaPath(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}[${segment}]`;
  return base === '' ? segment : `${base}.${segment}`;
}
