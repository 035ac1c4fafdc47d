import type { Reporter } from 'bpmnlint';
import type { ModdleElement } from './moddle.js';

/** A Tongban rule, shaped like bpmnlint's own: `check` sees every element once. */
export interface TongbanRule {
  check(node: ModdleElement, reporter: Reporter): void;
}

/** Created by the linter from the rule's config (`['error', { ... }]` passes the object). */
export type TongbanRuleFactory = (config?: unknown) => TongbanRule;
