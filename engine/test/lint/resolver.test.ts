import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import recommended from 'bpmnlint/config/recommended.js';
import { describe, expect, it } from 'vitest';
import { bpmnlintRuleNames, lintConfig, tongbanResolver, tongbanRuleNames } from '../../src/lint/index.js';
import { translatedBpmnlintRules } from '../../src/lint/bpmnlint-messages.js';

/** The rule files bpmnlint ships, listed from the installed package (helper.js is not a rule). */
function shippedRuleNames(): string[] {
  const require = createRequire(import.meta.url);
  const rulesDir = join(dirname(require.resolve('bpmnlint/package.json')), 'rules');
  return readdirSync(rulesDir)
    .filter((file) => file.endsWith('.js') && file !== 'helper.js')
    .map((file) => file.slice(0, -'.js'.length))
    .sort();
}

describe('tongbanResolver', () => {
  it('resolves every rule of bpmnlint:recommended', () => {
    const names = Object.keys(recommended.rules ?? {});
    expect(names.length).toBeGreaterThan(20);
    expect(bpmnlintRuleNames).toEqual(names);
    for (const name of names) {
      expect(tongbanResolver.resolveRule('bpmnlint', name), name).toBeTypeOf('function');
    }
  });

  it('resolves every rule bpmnlint ships, so a config can switch any of them on', () => {
    for (const name of shippedRuleNames()) {
      expect(tongbanResolver.resolveRule('bpmnlint', name), name).toBeTypeOf('function');
    }
  });

  it('has a Chinese summary for every rule bpmnlint ships', () => {
    expect([...translatedBpmnlintRules].sort()).toEqual(shippedRuleNames());
  });

  it('resolves the configs lintConfig extends', () => {
    expect(lintConfig.extends).toEqual(['bpmnlint:recommended', 'plugin:tongban/recommended']);
    expect(tongbanResolver.resolveConfig('bpmnlint', 'recommended')).toBe(recommended);
    const tongban = tongbanResolver.resolveConfig('bpmnlint-plugin-tongban', 'recommended');
    expect(tongban && 'rules' in tongban ? Object.keys(tongban.rules ?? {}) : []).toEqual([...tongbanRuleNames]);
  });

  it('resolves every Tongban rule under the plugin package name', () => {
    for (const name of tongbanRuleNames) {
      const factory = tongbanResolver.resolveRule('bpmnlint-plugin-tongban', name);
      expect(factory, name).toBeTypeOf('function');
    }
  });

  it('knows nothing else', () => {
    expect(tongbanResolver.resolveRule('bpmnlint', 'no-such-rule')).toBeUndefined();
    expect(tongbanResolver.resolveRule('bpmnlint-plugin-camunda', 'user-task-department')).toBeUndefined();
    expect(tongbanResolver.resolveRule('bpmnlint', 'constructor')).toBeUndefined();
    expect(tongbanResolver.resolveConfig('bpmnlint-plugin-tongban', 'all')).toBeUndefined();
  });
});
