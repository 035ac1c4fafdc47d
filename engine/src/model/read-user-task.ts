import type { ModdleElement } from 'bpmn-moddle';
import type { UserTaskNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { idOf, text } from './moddle-access.js';
import { compact } from './compact.js';
import { checkActivity } from './check-activity.js';
import { readMultiInstance } from './read-multi-instance.js';
import { readPaths, readPrefills } from './read-extensions.js';
import { modelProblems } from './problems-model.js';

/** bpmn:userTask, and bpmn:task / bpmn:manualTask as plain human work (`plain: true`). */
export function readUserTask(task: ModdleElement, env: NodeEnv): UserTaskNode {
  const loop = checkActivity(task, env.ctx, true);
  if (!loop && (Object.hasOwn(task, 'countersign') || Object.hasOwn(task, 'passRatio'))) {
    env.ctx.problems.push(modelProblems.countersignWithoutMultiInstance(idOf(task) ?? ''));
  }
  return compact({
    ...nodeBase(task, env),
    kind: 'userTask',
    plain: task.$type !== 'bpmn:UserTask',
    department: text(task, 'department') ?? env.laneDepartment,
    itemCode: text(task, 'itemCode'),
    legalTimeLimit: text(task, 'legalTimeLimit'),
    timeLimit: text(task, 'timeLimit'),
    form: text(task, 'form'),
    prefill: readPrefills(task, env.ctx),
    reads: readPaths(task, 'tb:Reads'),
    writes: readPaths(task, 'tb:Writes'),
    multiInstance: loop ? readMultiInstance(task, loop, env.ctx) : undefined,
  });
}
