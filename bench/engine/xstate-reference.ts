import { createMachine, initialTransition, transition } from 'xstate';

const REGIONS = 6;

/**
 * The same shape written by hand in XState v5, with nothing of a BPMN
 * engine around it: a parallel state of six regions, each waiting for its
 * own event, then a final task state waiting for one more event. What an
 * engine built on XState's pure transitions can at best approach.
 */
export function oneThingMachine() {
  const regions = Object.fromEntries(Array.from({ length: REGIONS }, (_, i) => [`region${i}`, {
    initial: 'waiting',
    states: { waiting: { on: { [`DONE_${i}`]: 'done' } }, done: { type: 'final' as const } },
  }]));
  return createMachine({
    id: 'oneThing',
    initial: 'departments',
    states: {
      departments: { type: 'parallel', states: regions, onDone: 'deliver' },
      deliver: { on: { DONE_DELIVER: 'completed' } },
      completed: { type: 'final' },
    },
  });
}

/** The events that run one instance to its end, in order: six region events, then the final one (one per user task). */
export const ONE_THING_EVENTS: readonly { readonly type: string }[] = [
  ...Array.from({ length: REGIONS }, (_, i) => ({ type: `DONE_${i}` })),
  { type: 'DONE_DELIVER' },
];

/** One instance through the pure transition functions: start, six region events, the final event. */
export function runMachineInstance(machine: ReturnType<typeof oneThingMachine>): void {
  let [snapshot] = initialTransition(machine);
  for (const event of ONE_THING_EVENTS) [snapshot] = transition(machine, snapshot, event);
  if (snapshot.status !== 'done') throw new Error('XState reference instance did not finish');
}
