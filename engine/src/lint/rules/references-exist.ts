import { readCatalogue } from '../catalogue.js';
import { prefills } from '../support/prefills.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';

/**
 * `tb:form`, `tb:connector` and `tb:prefill connector=` name things that must
 * exist when the process runs. The catalogue comes in as the rule config.
 */
export default function referencesExist(config?: unknown): TongbanRule {
  const { forms, connectors } = readCatalogue(config);
  const messages = tongbanMessages['references-exist'];
  return {
    check(node, reporter) {
      if (node.id === undefined) return;
      const form = tbAttribute(node, 'form');
      if (forms && form !== undefined && !forms.includes(form)) {
        report(reporter, node.id, messages.unknownForm(form), ['form']);
      }
      if (!connectors) return;
      const connector = tbAttribute(node, 'connector');
      if (connector !== undefined && !connectors.includes(connector)) {
        report(reporter, node.id, messages.unknownConnector(connector), ['connector']);
      }
      prefills(node).forEach((prefill) => {
        const used = tbAttribute(prefill, 'connector');
        if (used === undefined || connectors.includes(used) || node.id === undefined) return;
        report(reporter, node.id, messages.unknownPrefillConnector(used), ['extensionElements']);
      });
    },
  };
}
