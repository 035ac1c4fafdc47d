import type { ProcessModel, Scope } from '../../src/index.js';
import type { ModelBuilder } from '../../src/testing/index.js';

type NodeSpec = Parameters<ModelBuilder['node']>[0];

export const start = (id = 'start'): NodeSpec => ({ kind: 'startEvent', id, trigger: 'none' });
export const end = (id = 'end'): NodeSpec => ({ kind: 'endEvent', id, result: 'none' });
export const gateway = (kind: 'parallelGateway' | 'exclusiveGateway' | 'inclusiveGateway', id: string): NodeSpec => ({ kind, id });

/** The model with `tb:probability` set on the flows named (ModelBuilder has no option for it). */
export function withProbabilities(model: ProcessModel, probabilities: Readonly<Record<string, number>>): ProcessModel {
  const scope: Scope = {
    ...model.scope,
    flows: new Map([...model.scope.flows].map(([id, flow]) => {
      const probability = probabilities[id];
      return [id, probability === undefined ? flow : { ...flow, probability }];
    })),
  };
  return { ...model, scope };
}
