import { ensureDesignerBuild } from './designer-build.js';

/** Once per run, before any browser test file: the test files run in parallel and must not build side by side. */
export default function setup(): void {
  ensureDesignerBuild();
}
