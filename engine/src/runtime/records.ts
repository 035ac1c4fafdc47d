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
  /** 容缺受理: materials accepted as missing at the start, each with its supplement deadline. */
  readonly materials?: readonly MissingMaterial[];
  /** 告知承诺: commitments signed at the start instead of a proof; data only, no timer. */
  readonly commitments?: readonly Commitment[];
  /**
   * The process has reached its end but a missing material has not been
   * supplied yet: the instance stays `active` (not finished) until the last
   * one arrives or a supplement deadline passes. `applicationStatus` turns
   * this into the status `awaiting-supplement`.
   */
  readonly awaitingSupplement?: true;
  /** 抄送: people and departments the application was copied to; they read it, they do not act on it. */
  readonly copies?: readonly CopyRecord[];
  /** 好差评: the applicant's ratings of the instance and of departments' tasks. */
  readonly ratings?: readonly RatingRecord[];
  /** Why an instance ended other than by its process (withdrawn, missing material overdue). */
  readonly ending?: InstanceEnding;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly endedAt?: Instant;
}

/** A 好差评 rating (1–5 with reasons, as the national 政务服务好差评 scheme asks). */
export interface RatingRecord {
  readonly score: number;
  readonly reasons: readonly string[];
  /** The rated task; absent: the whole instance. */
  readonly taskId?: string;
  readonly department?: string;
  readonly by?: string;
  readonly at: Instant;
  /** A poor rating (1 or 2) opens this 差评整改 task. */
  readonly rectificationTaskId?: string;
}

/** A material accepted as missing (容缺受理) and what became of it. */
export interface MissingMaterial {
  readonly material: string;
  /** The supplement deadline (the server computes it in working days). */
  readonly dueAt: Instant;
  readonly status: 'missing' | 'supplied' | 'overdue';
  /** The timer that ends the instance when the material is still missing at `dueAt`. */
  readonly timerId: string;
  readonly suppliedAt?: Instant;
  readonly suppliedBy?: string;
}

/** A 告知承诺 commitment: the applicant signed that a condition is met instead of proving it. */
export interface Commitment {
  readonly material: string;
  readonly signedBy: string;
  readonly signedAt: Instant;
}

export interface InstanceEnding {
  readonly kind: 'withdrawn' | 'material-overdue';
  /** Simplified Chinese. */
  readonly message: string;
  readonly messageEn: string;
  readonly material?: string;
  readonly reason?: string;
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
  /** `rectification`: a 差评整改 task opened by a poor rating, outside the process's flow. */
  readonly kind?: 'rectification';
  /** 转办: the clerk the task was transferred to (the server's claim follows). */
  readonly assignee?: string;
  /** 委派: while `pending`, only the delegate may act on it (resolve); the owner completes once it is `resolved`. */
  readonly delegation?: Delegation;
  /** 催办: how often the task was urged, and when last. */
  readonly urges?: number;
  readonly lastUrgedAt?: Instant;
}

export interface Delegation {
  readonly owner: string;
  readonly delegate: string;
  readonly at: Instant;
  readonly state: 'pending' | 'resolved';
  readonly resolvedAt?: Instant;
}

/** The fields of an open task that actions change after it opened. */
export type TaskUpdate = { readonly id: string } & Deadlines & Partial<Pick<TaskRecord, 'assignee' | 'delegation' | 'urges' | 'lastUrgedAt'>>;

/** 抄送: who may read the application besides those handling it. */
export interface CopyRecord {
  readonly user?: string;
  readonly department?: string;
  readonly by?: string;
  readonly at: Instant;
  readonly taskId?: string;
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
  /** A supplement deadline (容缺受理): when it fires with the material still missing, the instance ends. */
  readonly supplement?: { readonly material: string };
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
