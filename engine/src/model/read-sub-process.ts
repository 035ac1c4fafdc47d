import type { ModdleElement } from 'bpmn-moddle';
import type { SubProcessNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { checkActivity } from './check-activity.js';

/** An embedded sub-process: its own scope, whose tasks take the sub-process's lane department by default. */
export function readSubProcess(subProcess: ModdleElement, env: NodeEnv): SubProcessNode {
  checkActivity(subProcess, env.ctx, false);
  return { ...nodeBase(subProcess, env), kind: 'subProcess', scope: env.readScope(subProcess, env.laneDepartment) };
}
