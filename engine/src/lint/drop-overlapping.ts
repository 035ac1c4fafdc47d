import type { Problem } from '../problems/index.js';

/**
 * bpmnlint's `conditional-flows` and `tongban/gateway-conditions` both report
 * an unconditioned flow out of a deciding gateway, on the flow. Keep the
 * Tongban one, which says which gateway and also covers gateways without any
 * condition yet, so the designer lists each mistake once.
 */
export function dropOverlapping(problems: readonly Problem[]): Problem[] {
  const covered = new Set(problems.filter((p) => p.code === 'tb/gateway-conditions').map((p) => p.elementId));
  return problems.filter((p) => p.code !== 'lint/conditional-flows' || !covered.has(p.elementId));
}
