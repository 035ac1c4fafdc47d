import type { FlowNode, ProcessModel } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';
import { perDepartment } from './per-department.js';
import { prefillSavings } from './prefill-savings.js';
import { designNotes } from './problems.js';
import { legalDays, promisedDays, readItems, type Item } from './read-items.js';
import { timeScope, type TimingRules } from './time-scope.js';
import type { AsIsDuration, DesignAnalysis, DesignNote, DesignOptions } from './types.js';
import { DEFAULT_HOURS_PER_DAY, timerWorkingDays } from './working-days.js';

/**
 * The design-time time-limit analysis of a process (docs/analysis.md): the
 * as-is duration (serial sum of the items' legal limits, or the longest path
 * through a serial as-is model), the to-be duration (critical path of the
 * promised limits through the parallel model), the compression between
 * them, slack per task, figures per department and what prefill saves.
 * Durations are nominal working days; due dates are the calendar's job.
 */
export function analyseDesign(model: ProcessModel, options: DesignOptions = {}): DesignAnalysis {
  const hoursPerDay = options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  if (!(hoursPerDay > 0 && hoursPerDay <= 24)) {
    throw new RangeError(`每个工作日的办公小时数应在 0 到 24 之间 (hoursPerDay must be above 0 and at most 24): ${hoursPerDay}`);
  }
  const problems: Problem[] = [];
  const notes: DesignNote[] = [];
  const items = readItems(model.scope, hoursPerDay, problems);

  const rules = timingRules(items, promisedDays, hoursPerDay, options, notes, problems);
  const toBe = timeScope(model.scope, rules);
  const asIs = asIsDuration(items, hoursPerDay, options, notes, problems);
  const departments = perDepartment(items.values(), toBe.slack, toBe.start);
  const slack: Record<string, number> = {};
  for (const id of items.keys()) {
    const days = toBe.slack.get(id);
    if (days !== undefined) slack[id] = days;
  }
  const missing = (pick: (item: Item) => number | undefined, from: Iterable<Item>) =>
    [...from].filter((item) => pick(item) === undefined).map((item) => item.task.id);

  return {
    processId: model.id,
    hoursPerDay,
    asIs: asIs.duration,
    toBe: { workingDays: toBe.worst, ...(rules.weighted ? { expectedWorkingDays: toBe.expected } : {}) },
    compressionRatio: asIs.duration.workingDays > 0 ? 1 - toBe.worst / asIs.duration.workingDays : 0,
    ...(toBe.worst > 0 ? { speedUp: asIs.duration.workingDays / toBe.worst } : {}),
    criticalPath: [...toBe.path],
    criticalDepartments: departments.criticalDepartments,
    slack,
    perDepartment: departments.perDepartment,
    missingLegalLimit: missing((item) => item.legal, asIs.items),
    missingTimeLimit: missing((item) => item.promised, items.values()),
    prefill: prefillSavings(items.values(), options.metadata),
    notes,
    problems,
  };
}

function asIsDuration(
  items: ReadonlyMap<string, Item>,
  hoursPerDay: number,
  options: DesignOptions,
  notes: DesignNote[],
  problems: Problem[],
): { duration: AsIsDuration; items: Iterable<Item> } {
  if (!options.asIsModel) {
    let workingDays = 0;
    for (const item of items.values()) workingDays += legalDays(item);
    return { duration: { workingDays, basis: 'legal-serial-sum' }, items: items.values() };
  }
  const asIsItems = readItems(options.asIsModel.scope, hoursPerDay, problems);
  const timing = timeScope(options.asIsModel.scope, timingRules(asIsItems, legalDays, hoursPerDay, options, notes, problems));
  return { duration: { workingDays: timing.worst, basis: 'as-is-path' }, items: asIsItems.values() };
}

/** User tasks take their limit, timers their duration, call activities what `calledDurations` says; the rest is instant. */
function timingRules(
  items: ReadonlyMap<string, Item>,
  days: (item: Item) => number,
  hoursPerDay: number,
  options: DesignOptions,
  notes: DesignNote[],
  problems: Problem[],
): TimingRules {
  const duration = (node: FlowNode): number => {
    switch (node.kind) {
      case 'userTask': {
        const item = items.get(node.id);
        return item ? days(item) : 0;
      }
      case 'callActivity': {
        const known = options.calledDurations?.[node.calledElement];
        if (known !== undefined) return known;
        notes.push(designNotes.callActivity(node.id, node.calledElement));
        return 0;
      }
      case 'timerCatch': {
        const wait = timerWorkingDays(node.timer, hoursPerDay);
        if (wait !== undefined) return wait;
        notes.push(designNotes.timer(node.id));
        return 0;
      }
      default:
        return 0;
    }
  };
  return { duration, notes, problems, weighted: false };
}
