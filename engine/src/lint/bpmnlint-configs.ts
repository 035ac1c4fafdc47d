import type { Config } from 'bpmnlint';
import all from 'bpmnlint/config/all.js';
import correctness from 'bpmnlint/config/correctness.js';
import recommended from 'bpmnlint/config/recommended.js';

/** bpmnlint's shipped configs, used as they are (`bpmnlint:recommended`). */
export const bpmnlintConfigs: Readonly<Record<string, Config>> = { all, correctness, recommended };
