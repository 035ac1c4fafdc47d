import type { ModdleElement } from 'bpmn-moddle';
import type { CallActivityNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { text } from './moddle-access.js';
import { checkActivity } from './check-activity.js';
import { modelProblems } from './problems-model.js';

/** Calls another deployed process: the latest version unless `tb:version` pins one. */
export function readCallActivity(activity: ModdleElement, env: NodeEnv): CallActivityNode {
  checkActivity(activity, env.ctx, false);
  const base = nodeBase(activity, env);
  const calledElement = text(activity, 'calledElement');
  if (calledElement === undefined) env.ctx.problems.push(modelProblems.noCalledElement(base.id, env.ctx.runnability));
  return { ...base, kind: 'callActivity', calledElement: calledElement ?? '', version: readVersion(activity, base.id, env) };
}

function readVersion(activity: ModdleElement, id: string, env: NodeEnv): 'latest' | number {
  const version = text(activity, 'version') ?? 'latest';
  if (version === 'latest') return 'latest';
  if (/^[1-9]\d{0,8}$/.test(version)) return Number(version);
  env.ctx.problems.push(modelProblems.invalidVersion(id, version, env.ctx.runnability));
  return 'latest';
}
