import type { TimerDefinition } from '../model/index.js';
import type { Command } from './commands.js';

/** ISO 8601 instant, UTC. */
export type Instant = string;

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'failed';

export interface DefinitionRecord {
  readonly processId: string;
  readonly version: number;
  readonly name?: string;
  /** The BPMN XML as deployed; a deployed version never changes. */
  readonly xml: string;
  readonly deployedAt: Instant;
}

export interface ParentLink {
  readonly instanceId: string;
  readonly callId: string;
}

/** Why a token cannot move on by itself; an administrator has to act. */
export interface Incident {
  readonly id: string;
  readonly elementId: string;
  /** Simplified Chinese. */
  readonly message: string;
  readonly messageEn: string;
  readonly at: Instant;
}

/** A stretch of time that does not count against the limits (补正, 听证, 检验, 专家评审 …). */
export interface ClockPause {
  readonly id: string;
  readonly kind: 'correction' | 'excludedProcedure';
  /** For an excluded procedure: which one (听证, 检验, 检测, 检疫, 鉴定, 专家评审 …). */
  readonly procedure?: string;
  /** The task the procedure runs on; a correction pauses the whole application. */
  readonly taskId?: string;
  readonly reason?: string;
  readonly from: Instant;
  readonly to?: Instant;
  /** Working time the pause lasted, once it has ended. */
  readonly pausedMs?: number;
}

/** Promised (`dueAt`) and legal (`legalDueAt`) deadlines, and when the light turns yellow. */
export interface Deadlines {
  readonly dueAt?: Instant;
  readonly warnAt?: Instant;
  readonly legalDueAt?: Instant;
}

export interface InstanceRecord extends Deadlines {
  readonly id: string;
  readonly processId: string;
  readonly version: number;
  readonly businessKey?: string;
  readonly status: InstanceStatus;
  /** Increases by one with every write; guards against lost updates. */
  readonly revision: number;
  /** XState persisted snapshot, as JSON text. */
  readonly snapshot: string;
  readonly incidents: readonly Incident[];
  readonly parent?: ParentLink;
  readonly pauses?: readonly ClockPause[];
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly endedAt?: Instant;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface TaskRecord extends Deadlines {
  readonly id: string;
  readonly instanceId: string;
  readonly processId: string;
  readonly elementId: string;
  readonly name?: string;
  readonly department?: string;
  readonly itemCode?: string;
  readonly form?: string;
  readonly timeLimit?: string;
  readonly legalTimeLimit?: string;
  /** Which entry of the element this task belongs to (a loop makes a new one). */
  readonly activation: number;
  /** Slot of a multi-instance (会签) task, and the signer it is for. */
  readonly index?: number;
  readonly signer?: unknown;
  readonly status: TaskStatus;
  readonly createdAt: Instant;
  readonly closedAt?: Instant;
  readonly outcome?: 'approve' | 'reject';
  readonly completedBy?: string;
}

export type TimerStatus = 'scheduled' | 'fired' | 'cancelled';

export interface TimerRecord {
  readonly id: string;
  readonly instanceId: string;
  /** The boundary event, intermediate catch event or event-gateway target. */
  readonly elementId: string;
  readonly activation: number;
  readonly definition: TimerDefinition;
  /** A deadline timer: it turns a light yellow or red; it does not move the token. */
  readonly deadline?: { readonly level: 'warning' | 'due' | 'legal-due'; readonly taskId?: string };
  readonly dueAt: Instant;
  readonly status: TimerStatus;
  readonly closedAt?: Instant;
}

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  readonly id: string;
  readonly instanceId: string;
  readonly elementId: string;
  readonly activation: number;
  readonly connector?: string;
  readonly input?: unknown;
  readonly status: JobStatus;
  readonly createdAt: Instant;
  readonly closedAt?: Instant;
  readonly error?: string;
}

/** One atomic write: the command, and what it changed. The append-only history of an instance. */
export interface HistoryRecord {
  readonly instanceId: string;
  readonly revision: number;
  readonly at: Instant;
  readonly command: Command;
  readonly actor?: string;
  readonly effects: readonly EffectSummary[];
}

export interface EffectSummary {
  readonly type: string;
  readonly id: string;
  readonly elementId?: string;
}
