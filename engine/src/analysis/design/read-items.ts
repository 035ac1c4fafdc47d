import type { FlowNode, Scope, UserTaskNode } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';
import { parseLimit } from '../../time/index.js';
import { designProblems } from './problems.js';
import { limitToWorkingDays } from './working-days.js';

/** A service item (事项): a user task and its limits in working days. */
export interface Item {
  readonly task: UserTaskNode;
  /** `tb:timeLimit`, absent when not set or unreadable. */
  readonly promised?: number;
  /** `tb:legalTimeLimit`, absent when not set or unreadable. */
  readonly legal?: number;
}

/** The to-be duration of an item: its promise, else the law's limit (a promise can only be shorter), else 0. */
export const promisedDays = (item: Item): number => item.promised ?? item.legal ?? 0;

/** The as-is duration of an item: its legal limit, else its promise, else 0. */
export const legalDays = (item: Item): number => item.legal ?? item.promised ?? 0;

/** Every user task of the model, sub-processes included, in document order, with its limits read. */
export function readItems(scope: Scope, hoursPerDay: number, problems: Problem[]): Map<string, Item> {
  const items = new Map<string, Item>();
  const days = (task: UserTaskNode, attribute: 'timeLimit' | 'legalTimeLimit'): number | undefined => {
    const text = task[attribute];
    if (text === undefined) return undefined;
    const parsed = parseLimit(text);
    if (parsed.ok) return limitToWorkingDays(parsed.limit, hoursPerDay);
    problems.push(designProblems.invalidLimit(task.id, attribute, text));
    return undefined;
  };
  const visit = (node: FlowNode): void => {
    if (node.kind === 'subProcess') for (const inner of node.scope.nodes.values()) visit(inner);
    if (node.kind !== 'userTask') return;
    const promised = days(node, 'timeLimit');
    const legal = days(node, 'legalTimeLimit');
    if (promised === undefined && legal === undefined) problems.push(designProblems.noLimit(node.id));
    items.set(node.id, { task: node, ...(promised !== undefined ? { promised } : {}), ...(legal !== undefined ? { legal } : {}) });
  };
  for (const node of scope.nodes.values()) visit(node);
  return items;
}
