import { problem } from '../problems/index.js';
import type { Problem, Severity } from '../problems/index.js';

/** Problems with `tb:` extension data that the XML reader accepted but the engine cannot use. */
export const tbProblems = {
  prefillNoConnector: (ownerId: string, severity: Severity): Problem =>
    problem('tb/prefill-no-connector', severity, 'tb:prefill 缺少 connector 属性，无法预填', 'tb:prefill has no connector attribute: nothing can be prefilled',
      { ...(ownerId ? { elementId: ownerId } : {}), elementType: 'tb:Prefill' }),

  misplacedElement: (ownerId: string | undefined, type: string, ownerType: string): Problem =>
    problem('tb/misplaced-element', 'warning', `${type} 不能用于 ${ownerType}，已被忽略`, `${type} has no meaning on ${ownerType} and is ignored`,
      { ...(ownerId ? { elementId: ownerId } : {}), elementType: type }),
};
