import type { ModdleElement } from 'bpmn-moddle';
import type { Problem } from '../problems/index.js';
import type { ProcessModel } from './types.js';
import { flag, idOf, rawText, text } from './moddle-access.js';
import { compact } from './compact.js';
import { readContext } from './read-context.js';
import type { FeelBudget } from './read-context.js';
import { checkExtensionPlacement } from './read-extensions.js';
import { readScope } from './read-scope.js';
import { modelProblems } from './problems-model.js';

/**
 * One process. Without `isExecutable` it counts as executable (the BPMN
 * default is unspecified; a diagram handed to an engine is meant to run);
 * with `isExecutable="false"` it is still read, and what would stop it from
 * running is a warning, not an error. A pool's name stands in for a
 * nameless process.
 */
export function readProcess(process: ModdleElement, poolName: string | undefined, problems: Problem[], feel: FeelBudget): ProcessModel | undefined {
  const executable = flag(process, 'isExecutable') !== false;
  const ctx = readContext(problems, executable, feel);
  const id = idOf(process);
  if (id === undefined) {
    // Nothing could deploy, call or show a process without an id.
    problems.push(modelProblems.missingId(process.$type, ctx.runnability));
    return undefined;
  }
  checkExtensionPlacement(process, ctx);
  // Anything but `restart` (the descriptor's default is `pause`) pauses.
  const correction = text(process, 'correctionClock');
  return compact({
    id,
    name: rawText(process, 'name') ?? poolName,
    executable,
    legalTimeLimit: text(process, 'legalTimeLimit'),
    timeLimit: text(process, 'timeLimit'),
    correctionClock: (correction === 'restart' ? 'restart' : 'pause') as ProcessModel['correctionClock'],
    scope: readScope(process, ctx, undefined),
  });
}
