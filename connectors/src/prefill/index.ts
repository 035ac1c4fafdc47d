export { parsePrefillBinding, readVariable, isVariablePath, type PrefillBinding, type PrefillBindingSource, type BindingProblem } from './binding.js';
export { runPrefill, type PrefillOutcome, type PrefilledValue, type PrefillFailure, type RunPrefillOptions } from './run-prefill.js';
