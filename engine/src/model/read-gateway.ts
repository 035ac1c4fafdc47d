import type { ModdleElement } from 'bpmn-moddle';
import type { GatewayNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { child, idOf } from './moddle-access.js';
import { compact } from './compact.js';
import { checkExtensionPlacement } from './read-extensions.js';
import { modelProblems } from './problems-model.js';

const KINDS: Readonly<Record<string, GatewayNode['kind']>> = {
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
};

export function readGateway(gateway: ModdleElement, env: NodeEnv): GatewayNode {
  checkExtensionPlacement(gateway, env.ctx);
  const base = nodeBase(gateway, env);
  const defaultFlow = child(gateway, 'default');
  const defaultId = idOf(defaultFlow);
  if (defaultFlow && idOf(child(defaultFlow, 'sourceRef')) !== base.id) {
    env.ctx.problems.push(modelProblems.invalidDefaultFlow(base.id, defaultId ?? '', env.ctx.runnability));
  }
  return compact({ ...base, kind: KINDS[gateway.$type] ?? 'exclusiveGateway', defaultFlow: defaultId });
}
