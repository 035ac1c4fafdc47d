import type { Vote } from '../compile/index.js';

type Variables = Readonly<Record<string, unknown>>;

/**
 * What can happen to an instance: every command is checked against the
 * instance's current state, and either applied as one atomic write or
 * rejected with a typed error. The recorded commands are the instance's
 * history: replaying them from the start reproduces its snapshot.
 */
export type Command =
  | { readonly type: 'start'; readonly variables: Variables; readonly businessKey?: string }
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
  | { readonly type: 'clock.resume'; readonly pauseId: string };

/** Commands that change deadlines and clocks but never the token. */
export type ClockCommand = Extract<Command, { type: 'deadline.reach' | 'clock.stop' | 'clock.resume' }>;

export function isClockCommand(command: Command): command is ClockCommand {
  return command.type === 'deadline.reach' || command.type === 'clock.stop' || command.type === 'clock.resume';
}

/** Who issued a command, for the audit trail. */
export interface Actor {
  readonly userId: string;
  readonly department?: string;
}
