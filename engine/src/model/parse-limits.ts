/** Bounds on what `parseBpmn` accepts, checked before the XML parser sees the text. */
export interface ParseOptions {
  /** Largest accepted document, in UTF-8 bytes. Default 5 MiB. */
  readonly maxBytes?: number;
  /** Deepest accepted element nesting. Default 50; real diagrams stay below 15. */
  readonly maxDepth?: number;
  /** Most elements (start tags) accepted. Default 50 000. */
  readonly maxElements?: number;
}

export type ParseLimits = Required<ParseOptions>;

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 50,
  maxElements: 50_000,
};

/** A limit that is not a positive number would switch its check off (`n > NaN` is false), so it falls back. */
export function resolveLimits(options: ParseOptions = {}): ParseLimits {
  return {
    maxBytes: positiveOr(options.maxBytes, DEFAULT_PARSE_LIMITS.maxBytes),
    maxDepth: positiveOr(options.maxDepth, DEFAULT_PARSE_LIMITS.maxDepth),
    maxElements: positiveOr(options.maxElements, DEFAULT_PARSE_LIMITS.maxElements),
  };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
