/** Test helpers and contract suites for adapters of the engine's ports. */
export {};
