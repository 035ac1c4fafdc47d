import { isHumanTask } from '../support/human-task.js';
import { laneDepartment } from '../support/lane-department.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';

/** Every human task is handled by a department: its own or its lane's. */
export default function userTaskDepartment(): TongbanRule {
  return {
    check(node, reporter) {
      if (!isHumanTask(node) || node.id === undefined) return;
      if (tbAttribute(node, 'department') ?? laneDepartment(node)) return;
      report(reporter, node.id, tongbanMessages['user-task-department'].missing(), ['department']);
    },
  };
}
