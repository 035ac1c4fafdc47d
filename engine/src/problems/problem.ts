/**
 * A problem found in a diagram: by the XML layer, the model reader, the
 * linter or the compiler. One shape everywhere, so the CLI, the server and
 * the designer show them the same way.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable code, e.g. `xml/duplicate-id`, `tb/user-task-department`. */
  readonly code: string;
  readonly severity: Severity;
  /** Simplified Chinese, the default UI language. */
  readonly message: string;
  readonly messageEn: string;
  readonly elementId?: string;
  /** BPMN type of the element, e.g. `bpmn:SignalEventDefinition`. */
  readonly elementType?: string;
  /** 1-based, where the XML parser knows it. */
  readonly line?: number;
  /** 1-based, where the XML parser knows it. */
  readonly column?: number;
}

export function problem(
  code: string,
  severity: Severity,
  message: string,
  messageEn: string,
  where: Pick<Problem, 'elementId' | 'elementType' | 'line' | 'column'> = {},
): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { code, severity, message, messageEn };
  if (where.elementId !== undefined) p.elementId = where.elementId;
  if (where.elementType !== undefined) p.elementType = where.elementType;
  if (where.line !== undefined) p.line = where.line;
  if (where.column !== undefined) p.column = where.column;
  return p;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
