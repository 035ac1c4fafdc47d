/** Time comes from outside the engine, so runs are deterministic in tests. */
export interface Clock {
  now(): Date;
}

/** Instance ids come from outside the engine too. */
export interface IdSource {
  next(): string;
}
