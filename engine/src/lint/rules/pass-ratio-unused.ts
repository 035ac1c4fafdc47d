import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';

/**
 * `tb:passRatio` only means something for `tb:countersign="ratio"`. Harmless
 * otherwise (the runtime ignores it), so a warning: a separate rule because
 * bpmnlint takes severity from the rule config, not from a report.
 */
export default function passRatioUnused(): TongbanRule {
  return {
    check(node, reporter) {
      if (node.id === undefined || tbAttribute(node, 'passRatio') === undefined) return;
      if (tbAttribute(node, 'countersign') === 'ratio') return;
      report(reporter, node.id, tongbanMessages['pass-ratio-unused'].unused(), ['passRatio']);
    },
  };
}
