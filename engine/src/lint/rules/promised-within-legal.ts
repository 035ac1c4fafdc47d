import { compareLimits, formatLimit, parseLimit } from '../../time/index.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';

/**
 * The promised limit may only shorten the legal one (优化营商环境条例 art. 36:
 * "在国家规定的政务服务事项办理时限内进一步压减时间"). Calendar days against
 * working days cannot be compared without a calendar, so those pass here;
 * malformed limits are time-limit-syntax's to report.
 */
export default function promisedWithinLegal(): TongbanRule {
  return {
    check(node, reporter) {
      if (node.id === undefined) return;
      const promised = parseLimit(tbAttribute(node, 'timeLimit') ?? '');
      const legal = parseLimit(tbAttribute(node, 'legalTimeLimit') ?? '');
      if (!promised.ok || !legal.ok) return;
      if (compareLimits(promised.limit, legal.limit) !== 'greater') return;
      const text = tongbanMessages['promised-within-legal'].exceeds(formatLimit(promised.limit), formatLimit(legal.limit));
      report(reporter, node.id, text, ['timeLimit']);
    },
  };
}
