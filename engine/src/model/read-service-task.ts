import type { ModdleElement } from 'bpmn-moddle';
import type { ServiceTaskNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { idOf, text } from './moddle-access.js';
import { compact } from './compact.js';
import { checkActivity } from './check-activity.js';
import { readFeel } from './read-feel.js';
import { readPaths } from './read-extensions.js';

/** A connector job. Which connector is the linter's and the compiler's concern; the reader only reports what it cannot read. */
export function readServiceTask(task: ModdleElement, env: NodeEnv): ServiceTaskNode {
  checkActivity(task, env.ctx, false);
  const reads = readPaths(task, 'tb:Reads');
  const writes = readPaths(task, 'tb:Writes');
  return compact({
    ...nodeBase(task, env),
    kind: 'serviceTask',
    department: text(task, 'department') ?? env.laneDepartment,
    connector: text(task, 'connector'),
    input: readFeel(text(task, 'input'), idOf(task) ?? '', 'tb:input', env.ctx),
    resultVariable: text(task, 'resultVariable'),
    reads: reads.length > 0 ? reads : undefined,
    writes: writes.length > 0 ? writes : undefined,
  });
}
