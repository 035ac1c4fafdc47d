import type { Vote } from '../compile/index.js';

type Variables = Readonly<Record<string, unknown>>;

/**
 * What can happen to an instance: every command is checked against the
 * instance's current state, and either applied as one atomic write or
 * rejected with a typed error. The recorded commands are the instance's
 * history: replaying them from the start reproduces its snapshot.
 */
export type Command =
  | {
    readonly type: 'start'; readonly variables: Variables; readonly businessKey?: string;
    readonly missingMaterials?: readonly MissingMaterialInput[]; readonly commitments?: readonly CommitmentInput[];
  }
  | { readonly type: 'task.complete'; readonly taskId: string; readonly variables?: Variables; readonly outcome?: Vote }
  | { readonly type: 'timer.fire'; readonly timerId: string }
  | { readonly type: 'job.complete'; readonly jobId: string; readonly result?: unknown }
  | { readonly type: 'job.fail'; readonly jobId: string; readonly errorCode?: string; readonly message: string }
  | { readonly type: 'call.complete'; readonly callId: string; readonly variables?: Variables }
  | { readonly type: 'call.fail'; readonly callId: string; readonly errorCode?: string }
  | { readonly type: 'message'; readonly name: string; readonly variables?: Variables }
  | { readonly type: 'variables.update'; readonly variables: Variables }
  | { readonly type: 'terminate'; readonly reason?: string }
  | { readonly type: 'deadline.reach'; readonly timerId: string }
  | { readonly type: 'clock.stop'; readonly kind: 'correction' | 'excludedProcedure'; readonly taskId?: string; readonly procedure?: string; readonly reason?: string }
  | { readonly type: 'clock.resume'; readonly pauseId: string }
  | { readonly type: 'task.return'; readonly taskId: string; readonly to: string; readonly reason?: string }
  | { readonly type: 'task.takeBack'; readonly taskId: string; readonly elementId: string }
  | { readonly type: 'instance.withdraw'; readonly reason?: string }
  | { readonly type: 'task.addSigners'; readonly taskId: string; readonly signers: readonly unknown[]; readonly position?: 'before' | 'after' | 'parallel' }
  | { readonly type: 'task.removeSigner'; readonly taskId: string; readonly index: number }
  | { readonly type: 'task.transfer'; readonly taskId: string; readonly to: string; readonly toDepartment: string; readonly reason?: string }
  | { readonly type: 'task.delegate'; readonly taskId: string; readonly to: string; readonly reason?: string }
  | { readonly type: 'task.resolve'; readonly taskId: string }
  | { readonly type: 'task.urge'; readonly taskId: string; readonly reason?: string }
  | { readonly type: 'instance.copy'; readonly to: CopyTarget; readonly taskId?: string }
  | { readonly type: 'rating.give'; readonly score: number; readonly reasons: readonly string[]; readonly taskId?: string; readonly department?: string }
  | { readonly type: 'rectification.complete'; readonly taskId: string; readonly note?: string }
  | { readonly type: 'material.supply'; readonly material: string }
  | { readonly type: 'material.overdue'; readonly timerId: string };

/** 容缺受理: a material the application was accepted without, and until when it may be supplied. */
export interface MissingMaterialInput {
  readonly material: string;
  /** ISO 8601 instant. */
  readonly dueAt: string;
}

/** 告知承诺: who signed the commitment for a material, and when. */
export interface CommitmentInput {
  readonly material: string;
  readonly signedBy: string;
  /** ISO 8601 instant. */
  readonly signedAt: string;
}

/** 抄送: a person or a whole department who may read the application. */
export type CopyTarget = { readonly user: string } | { readonly department: string };

/** Commands that change who holds a task or who reads the application, never the token. */
export type RecordCommand = Extract<Command, { type: 'task.transfer' | 'task.delegate' | 'task.resolve' | 'task.urge' | 'instance.copy' }>;

export function isRecordCommand(command: Command): command is RecordCommand {
  return command.type === 'task.transfer' || command.type === 'task.delegate' || command.type === 'task.resolve' || command.type === 'task.urge' || command.type === 'instance.copy';
}

/** 好差评 and 差评整改: about the service, not the token; also after the instance has ended. */
export type RatingCommand = Extract<Command, { type: 'rating.give' | 'rectification.complete' }>;

export function isRatingCommand(command: Command): command is RatingCommand {
  return command.type === 'rating.give' || command.type === 'rectification.complete';
}

/** Commands about missing materials; they move the token only to end an instance whose material is overdue. */
export type MaterialCommand = Extract<Command, { type: 'material.supply' | 'material.overdue' }>;

export function isMaterialCommand(command: Command): command is MaterialCommand {
  return command.type === 'material.supply' || command.type === 'material.overdue';
}

/** Commands that change deadlines and clocks but never the token. */
export type ClockCommand = Extract<Command, { type: 'deadline.reach' | 'clock.stop' | 'clock.resume' }>;

export function isClockCommand(command: Command): command is ClockCommand {
  return command.type === 'deadline.reach' || command.type === 'clock.stop' || command.type === 'clock.resume';
}

/** The actor of what the runtime does by itself (a supplement deadline ending an instance). */
export const SYSTEM_ACTOR = 'system';

/** Who issued a command, for the audit trail. */
export interface Actor {
  readonly userId: string;
  readonly department?: string;
}
