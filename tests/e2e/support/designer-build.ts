import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/server-process.js';

const DESIGNER = join(REPO_ROOT, 'designer');
export const DESIGNER_DIST = join(DESIGNER, 'dist');

/**
 * The built designer the server serves. scripts/test.sh builds it before the
 * tests; a bare `vitest run` builds it here when it is missing or older than
 * the app's sources (the engine's too: the live check bundles it), so the
 * browser never tests a stale build.
 */
export function ensureDesignerBuild(): void {
  const index = join(DESIGNER_DIST, 'index.html');
  if (existsSync(index) && newestSource() <= statSync(index).mtimeMs) return;
  execFileSync(process.execPath, [join(DESIGNER, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: DESIGNER, stdio: 'pipe' });
}

function newestSource(): number {
  const roots = [join(DESIGNER, 'src'), join(REPO_ROOT, 'engine', 'src')];
  const files = [join(DESIGNER, 'index.html'), join(DESIGNER, 'vite.config.ts'), join(DESIGNER, 'package.json')];
  let newest = Math.max(...files.map((file) => statSync(file).mtimeMs));
  for (const root of roots) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
