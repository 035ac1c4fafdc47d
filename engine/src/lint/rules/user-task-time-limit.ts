import { isHumanTask } from '../support/human-task.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';

/**
 * Every human task promises a limit: deadlines, deadline lights and the
 * to-be critical path are all computed from it.
 */
export default function userTaskTimeLimit(): TongbanRule {
  return {
    check(node, reporter) {
      if (!isHumanTask(node) || node.id === undefined) return;
      if (tbAttribute(node, 'timeLimit') !== undefined) return;
      report(reporter, node.id, tongbanMessages['user-task-time-limit'].missing(), ['timeLimit']);
    },
  };
}
