/**
 * @tongban/engine — public surface. Code outside the engine imports only from
 * here (and `@tongban/engine/testing` in tests).
 *
 *   loadDefinition(xml)        parse + lint + compile, every problem in one pass
 *   new Runtime({ store, clock, ids })   deploy, start, complete tasks, fire timers, …
 *   step(process, id, before, command)   the pure transition the runtime is built on
 */
export * from './problems/index.js';
export * from './errors.js';
export type * from './model/types.js';
export { parseBpmn, createModdle, tbDescriptor } from './model/index.js';
export type { ParseOptions, ParseResult } from './model/index.js';
export { lintDefinitions, createLinter, lintConfig, lintConfigFor, tongbanResolver } from './lint/index.js';
export type { Catalogue } from './lint/index.js';
export { compileProcess, END_STATES } from './compile/index.js';
export type { CompiledProcess, CompileResult, Vote } from './compile/index.js';
export { loadDefinition } from './definition/index.js';
export type { LoadOptions, LoadedDefinition } from './definition/index.js';
export { Runtime, step, workItems, persistSnapshot, restoreSnapshot, replay, deadlineLight, deadlinesFor, applicationStatus, SYSTEM_ACTOR, POOR_RATING, RECTIFICATION } from './runtime/index.js';
export type {
  ApplicationStatus, MissingMaterialInput, CommitmentInput, MissingMaterial, Commitment, InstanceEnding, CopyTarget, CopyRecord, Delegation, TaskUpdate, RatingRecord,
  RuntimeOptions, StartOptions, StepResult, MachineSnapshot, WorkItem, Command, Actor, Clock, IdSource,
  Instant, InstanceStatus, DefinitionRecord, ClockPause, Deadlines, DeadlinePolicy, Light, InstanceRecord, TaskRecord, TaskStatus, TimerRecord, JobRecord, HistoryRecord, Incident,
} from './runtime/index.js';
export { MemoryStore } from './store/index.js';
export type { Store, InstanceCommit, TaskQuery } from './store/index.js';
export { parseLimit, formatLimit, compareLimits } from './time/index.js';
export type { Limit, LimitUnit } from './time/index.js';
export * from './analysis/index.js';
export { createWorkingCalendar, calendarWarnings, chineseDaysHolidayData, CalendarInputError, formatCstInstant, parseCstInstant, type LimitError, type WorkingCalendar, type WorkingCalendarOptions, type CalendarDay, type HolidayData, type OfficeHours } from './time/index.js';
