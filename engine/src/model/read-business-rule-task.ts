import type { ModdleElement } from 'bpmn-moddle';
import type { BusinessRuleTaskNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { idOf, rawText, text } from './moddle-access.js';
import { compact } from './compact.js';
import { checkActivity } from './check-activity.js';
import { readFeel } from './read-feel.js';
import { readPaths, tbValues } from './read-extensions.js';

/**
 * A FEEL decision: the body of `tb:decision`. Its `resultVariable` wins over
 * the task's `tb:resultVariable`, being the more specific of the two.
 */
export function readBusinessRuleTask(task: ModdleElement, env: NodeEnv): BusinessRuleTaskNode {
  checkActivity(task, env.ctx, false);
  const decision = tbValues(task, 'tb:Decision')[0];
  const reads = readPaths(task, 'tb:Reads');
  const writes = readPaths(task, 'tb:Writes');
  return compact({
    ...nodeBase(task, env),
    kind: 'businessRuleTask',
    department: text(task, 'department') ?? env.laneDepartment,
    expression: readFeel(rawText(decision, 'expression'), idOf(task) ?? '', 'tb:decision', env.ctx),
    resultVariable: text(decision, 'resultVariable') ?? text(task, 'resultVariable'),
    reads: reads.length > 0 ? reads : undefined,
    writes: writes.length > 0 ? writes : undefined,
  });
}
