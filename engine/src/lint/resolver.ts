import type { Config, Resolver, RuleFactory } from 'bpmnlint';
import { bpmnlintConfigs } from './bpmnlint-configs.js';
import { bpmnlintRules } from './bpmnlint-rules.js';
import { tongbanConfigs, tongbanRules } from './plugin.js';
import { TONGBAN_PLUGIN_PACKAGE } from './rule-names.js';

const rulesByPackage: Readonly<Record<string, Readonly<Record<string, RuleFactory>>>> = {
  bpmnlint: bpmnlintRules,
  [TONGBAN_PLUGIN_PACKAGE]: tongbanRules,
};

const configsByPackage: Readonly<Record<string, Readonly<Record<string, Config>>>> = {
  bpmnlint: bpmnlintConfigs,
  [TONGBAN_PLUGIN_PACKAGE]: tongbanConfigs,
};

/**
 * Resolves rules and configs from static maps, so linting runs the same in
 * Node and in the browser (no fs, no dynamic require). bpmnlint asks with
 * full package names: `bpmnlint` and `bpmnlint-plugin-tongban`. Unknown
 * names come back undefined and bpmnlint reports `unknown rule <name>`.
 */
export const tongbanResolver: Resolver = {
  resolveRule(pkg, ruleName) {
    return lookup(rulesByPackage, pkg, ruleName);
  },
  resolveConfig(pkg, configName) {
    return lookup(configsByPackage, pkg, configName);
  },
};

function lookup<T>(byPackage: Readonly<Record<string, Readonly<Record<string, T>>>>, pkg: string, name: string): T | undefined {
  const entries = Object.hasOwn(byPackage, pkg) ? byPackage[pkg] : undefined;
  return entries && Object.hasOwn(entries, name) ? entries[name] : undefined;
}
