import type { Config } from 'bpmnlint';
import type { Catalogue } from './catalogue.js';
import { TONGBAN_PLUGIN } from './rule-names.js';

/**
 * bpmnlint's recommended rules plus the Tongban rules. Every recommended rule
 * was checked against the engine (docs/lint-rules.md); all stay as bpmnlint
 * ships them except:
 *
 * - `no-inclusive-gateway` (warn → off): bpmnlint discourages inclusive
 *   gateways because many engines lack them; Tongban compiles them (a
 *   parallel state whose regions skip to final when their condition is
 *   false), so the warning would be wrong.
 *
 * - `label-required` and `no-bpmndi` (error → warn): clerks and managers see
 *   names, not ids, and a diagram without shapes does not round-trip through
 *   the designer, so both are worth a warning; but neither stops a diagram
 *   from running, and an error would block deploying valid diagrams from
 *   other tools and the re-engineering output before it is laid out.
 *
 * Kept on purpose although it can surprise: `fake-join` (a
 * warning only; a 补正 loop back into a task is executable, an explicit merge
 * gateway silences it). `conditional-flows` overlaps `tongban/gateway-conditions`
 * on exclusive and inclusive gateways; lintDefinitions keeps the Tongban
 * report only, and `conditional-flows` still covers conditional flows out of
 * activities.
 */
export const lintConfig: Config = {
  extends: ['bpmnlint:recommended', `plugin:${TONGBAN_PLUGIN}/recommended`],
  rules: {
    'no-inclusive-gateway': 'off',
    'label-required': 'warn',
    'no-bpmndi': 'warn',
  },
};

/** `lintConfig` with the caller's catalogue handed to `tongban/references-exist` as its rule config. */
export function lintConfigFor(catalogue?: Catalogue): Config {
  if (!catalogue) return lintConfig;
  return {
    ...lintConfig,
    rules: { ...lintConfig.rules, [`${TONGBAN_PLUGIN}/references-exist`]: ['error', catalogue] },
  };
}
