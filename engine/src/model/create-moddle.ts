import { BpmnModdle } from 'bpmn-moddle';
import { tbDescriptor } from './tb-descriptor.js';

/**
 * A BpmnModdle that knows the `tb:` namespace. A new instance per call: a
 * moddle caches types, and readers must not share state across documents.
 */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ tb: tbDescriptor });
}
