import { Linter } from 'bpmnlint';
import type { Catalogue } from './catalogue.js';
import { lintConfigFor } from './config.js';
import { tongbanResolver } from './resolver.js';

export interface LintOptions {
  /** Forms and connectors the diagram may refer to; a kind left out is not checked. */
  readonly catalogue?: Catalogue;
}

/**
 * A bpmnlint Linter with the Tongban config and the static resolver; runs in
 * Node and in the browser. A Linter creates each rule once, from the config
 * it first sees, so one linter serves one catalogue: make a new one when the
 * catalogue changes.
 */
export function createLinter(options: LintOptions = {}): Linter {
  return new Linter({ config: lintConfigFor(options.catalogue), resolver: tongbanResolver });
}
