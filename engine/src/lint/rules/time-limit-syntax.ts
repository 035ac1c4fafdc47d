import { parseLimit } from '../../time/index.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';
import type { LimitAttribute } from '../messages.js';

const ATTRIBUTES: readonly LimitAttribute[] = ['timeLimit', 'legalTimeLimit'];

/** Both limits, wherever they are written, parse as `5wd` / `4wh` / `3cd`. */
export default function timeLimitSyntax(): TongbanRule {
  return {
    check(node, reporter) {
      if (node.id === undefined) return;
      for (const attribute of ATTRIBUTES) {
        const text = tbAttribute(node, attribute);
        if (text === undefined) continue;
        const result = parseLimit(text);
        if (result.ok) continue;
        report(reporter, node.id, tongbanMessages['time-limit-syntax'].invalid(attribute, result.error), [attribute]);
      }
    },
  };
}
