import { assign, createMachine } from 'xstate';
import type { ProcessModel } from '../model/index.js';
import { hasErrors, type Problem } from '../problems/index.js';
import type { Builder, Frame, Position, StateConfig } from './builder.js';
import { compileRegion, compileScope } from './compile-scope.js';
import { END_STATES, machineEvent, type InstanceContext, type MachineEvent } from './machine-types.js';
import type { StateEntry } from './state-info.js';
import { StateKeys } from './state-keys.js';
import { analyseScope } from './structure/index.js';

export interface CompiledProcess {
  readonly processId: string;
  readonly model: ProcessModel;
  readonly machine: ReturnType<typeof buildMachine>;
  /** State key → what that state means to the runtime. */
  readonly entries: ReadonlyMap<string, StateEntry>;
  /** Element id → where it sits, for the checks of a return. */
  readonly positions: ReadonlyMap<string, Position>;
}

export type CompileResult =
  | { readonly ok: true; readonly process: CompiledProcess; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Compiles one process to an XState v5 machine (DESIGN.md, Engine step 3).
 * The machine only computes transitions: it has no delays, no invoked
 * actors and no side effects; the runtime derives tasks, jobs and timers
 * from the states it is in.
 */
export function compileProcess(model: ProcessModel): CompileResult {
  const structure = analyseScope(model.scope);
  const problems: Problem[] = [...structure.problems];
  const entries = new Map<string, StateEntry>();
  const positions = new Map<string, Position>();
  const keys = new StateKeys();
  for (const reserved of Object.values(END_STATES)) keys.keyOf(reserved);
  const builder: Builder = {
    keys, entries, positions, problems,
    compileRegion: (frame, region) => compileRegion(builder, frame, region),
    compileScope: (frame) => compileScope(builder, frame),
  };
  const frame: Frame = { scope: model.scope, structure, doneId: END_STATES.terminated };
  const body = compileScope(builder, frame);
  if (hasErrors(problems)) return { ok: false, problems };
  const machine = buildMachine(model.id, body);
  return { ok: true, process: { processId: model.id, model, machine, entries, positions }, problems };
}

function buildMachine(processId: string, body: StateConfig) {
  body.onDone = { target: `#${END_STATES.completed}` };
  return createMachine({
    types: {} as { context: InstanceContext; events: MachineEvent; input: { variables: Record<string, unknown> } },
    id: processId.replace(/[.#]/g, '_'),
    context: ({ input }) => ({ vars: input.variables, seq: 0, act: {}, mi: {}, incl: {} }),
    initial: body.id!,
    on: {
      [machineEvent.updateVariables]: {
        actions: assign(({ context, event }) => ({ vars: { ...context.vars, ...(event.variables ?? {}) } })),
      },
      [machineEvent.terminate]: { target: `#${END_STATES.terminated}` },
    },
    states: {
      [body.id!]: body as never,
      [END_STATES.completed]: { id: END_STATES.completed, type: 'final' },
      [END_STATES.terminated]: { id: END_STATES.terminated, type: 'final' },
      [END_STATES.failed]: { id: END_STATES.failed, type: 'final' },
    },
  });
}
