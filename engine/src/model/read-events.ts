import type { ModdleElement } from 'bpmn-moddle';
import type { EndEventNode, MessageCatchNode, StartEventNode, TimerCatchNode } from './types.js';
import type { NodeEnv } from './node-env.js';
import { nodeBase } from './node-env.js';
import { child, idOf, text } from './moddle-access.js';
import { compact } from './compact.js';
import { eventDefinitions } from './classify-element.js';
import { checkExtensionPlacement, readPrefills } from './read-extensions.js';
import { readMessageName } from './read-message-name.js';
import { readTimer } from './read-timer.js';

/** Only triggers that `classifyElement` accepted reach these readers. */
export function readStartEvent(event: ModdleElement, env: NodeEnv): StartEventNode {
  checkExtensionPlacement(event, env.ctx);
  const definition = eventDefinitions(event)[0];
  const prefill = readPrefills(event, env.ctx);
  const start = {
    ...nodeBase(event, env),
    kind: 'startEvent' as const,
    form: text(event, 'form'),
    prefill: prefill.length > 0 ? prefill : undefined,
  };
  if (!definition) return compact({ ...start, trigger: 'none' });
  return compact({
    ...start,
    trigger: 'message',
    messageName: readMessageName(definition, idOf(event) ?? '', env.ctx),
  });
}

export function readEndEvent(event: ModdleElement, env: NodeEnv): EndEventNode {
  checkExtensionPlacement(event, env.ctx);
  const definition = eventDefinitions(event)[0];
  const base = nodeBase(event, env);
  switch (definition?.$type) {
    case 'bpmn:TerminateEventDefinition':
      return { ...base, kind: 'endEvent', result: 'terminate' };
    case 'bpmn:ErrorEventDefinition':
      return compact({ ...base, kind: 'endEvent', result: 'error', errorCode: text(child(definition, 'errorRef'), 'errorCode') });
    case 'bpmn:MessageEventDefinition':
      return compact({ ...base, kind: 'endEvent', result: 'message', messageName: readMessageName(definition, base.id, env.ctx) });
    default:
      return { ...base, kind: 'endEvent', result: 'none' };
  }
}

/** An intermediate catch event waits for a timer or a message. */
export function readCatchEvent(event: ModdleElement, env: NodeEnv): TimerCatchNode | MessageCatchNode {
  checkExtensionPlacement(event, env.ctx);
  const base = nodeBase(event, env);
  const definition = eventDefinitions(event)[0];
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    return { ...base, kind: 'timerCatch', timer: readTimer(definition, base.id, env.ctx) };
  }
  // Without a message there is nothing to correlate; the problem is reported, the id stands in.
  const messageName = definition ? readMessageName(definition, base.id, env.ctx) : undefined;
  return { ...base, kind: 'messageCatch', messageName: messageName ?? base.id };
}
