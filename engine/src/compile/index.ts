export { compileProcess } from './compile-process.js';
export type { CompiledProcess, CompileResult } from './compile-process.js';
export { END_STATES, machineEvent } from './machine-types.js';
export type { InstanceContext, MachineEvent, MultiInstanceState, Vote } from './machine-types.js';
export type { StateEntry, StateInfo } from './state-info.js';
export type { Position } from './builder.js';
export { openSlots } from './elements/countersign.js';
