/**
 * The data an instance's statechart carries, and the events it reacts to.
 * Machine events are specific to one element (`complete:review`), so XState
 * picks the transition by event type instead of testing a guard per task.
 */
export type Vote = 'approve' | 'reject';

/** 会签 state of a multi-instance task: one slot per signer. */
export interface MultiInstanceState {
  readonly items: readonly unknown[];
  /** null: not voted yet. */
  readonly votes: readonly (Vote | null)[];
  readonly sequential: boolean;
  /** Slots taken out by 减签: they neither vote nor count. */
  readonly removed?: readonly number[];
  /** Sequential: the order the slots sign in, when 加签 put a signer before or after the current one. */
  readonly order?: readonly number[];
  /** Why the signers could not be determined; the task then waits as an incident. */
  readonly error?: string;
}

export interface InstanceContext {
  readonly vars: Readonly<Record<string, unknown>>;
  /** Activation counter: every entry of a waiting element takes the next number. */
  readonly seq: number;
  /** Current activation number of each element, so a re-entered task is a new task. */
  readonly act: Readonly<Record<string, number>>;
  readonly mi: Readonly<Record<string, MultiInstanceState>>;
  /** Branch decisions of inclusive forks, taken once when the fork is reached. */
  readonly incl: Readonly<Record<string, readonly boolean[]>>;
  /** The BPMN error that ended the instance or was caught last. */
  readonly error?: { readonly code?: string; readonly elementId: string };
}

export interface MachineEvent {
  readonly type: string;
  readonly index?: number;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly outcome?: Vote;
  readonly result?: unknown;
  readonly errorCode?: string;
  /** 加签: the signers added, and where a sequential countersign takes them. */
  readonly signers?: readonly unknown[];
  readonly position?: SignerPosition;
  /** For a goto: the user task the token goes back to. */
  readonly to?: string;
}

/** 加签 before the current signer, right after it, or beside everyone (the default). */
export type SignerPosition = 'before' | 'after' | 'parallel';

export const machineEvent = {
  complete: (elementId: string) => `complete:${elementId}`,
  timer: (elementId: string) => `timer:${elementId}`,
  jobDone: (elementId: string) => `job.done:${elementId}`,
  jobFailed: (elementId: string) => `job.failed:${elementId}`,
  callDone: (elementId: string) => `call.done:${elementId}`,
  callFailed: (elementId: string) => `call.failed:${elementId}`,
  message: (name: string) => `message:${name}`,
  /**
   * Moves the token of a region back to one of its user tasks (退回, 拿回);
   * the event's `to` names the task. One event per region, so the events
   * every step sends never scan a list of tasks.
   */
  goto: (regionKey: string) => `goto:${regionKey}`,
  addSigners: (elementId: string) => `signers.add:${elementId}`,
  removeSigner: (elementId: string) => `signers.remove:${elementId}`,
  updateVariables: 'vars.update',
  terminate: 'instance.terminate',
} as const;

/** Final states of the root: how an instance ended. */
export const END_STATES = { completed: '__completed', terminated: '__terminated', failed: '__failed' } as const;
