import type { LoadOptions } from '../definition/index.js';
import type { Store } from '../store/index.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import type { Actor, CommitmentInput, MissingMaterialInput } from './commands.js';
import type { Clock, IdSource } from './ports.js';

export interface RuntimeOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Used when deploying: which forms and connectors exist. */
  readonly load?: LoadOptions;
  /** With a calendar, tasks and instances get deadlines, deadline timers and clock stops. */
  readonly calendar?: WorkingCalendar;
  /** Share of the promised working time after which the light turns yellow; default 0.8. */
  readonly warningAt?: number;
  /** The limit of a 差评整改 task opened by a poor rating; default `5wd`. */
  readonly rectificationLimit?: string;
}

export interface StartOptions {
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly businessKey?: string;
  /** A deployed version; the latest when omitted. */
  readonly version?: number;
  readonly actor?: Actor;
  /** 容缺受理: materials the application is accepted without, each with its supplement deadline. */
  readonly missingMaterials?: readonly MissingMaterialInput[];
  /** 告知承诺: commitments signed instead of proofs; recorded, no deadline. */
  readonly commitments?: readonly CommitmentInput[];
}
