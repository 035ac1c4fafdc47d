import { ref, shallowRef } from 'vue';
import type { DesignAnalysis, Problem } from '@tongban/engine';

const DEBOUNCE_MS = 300;

/**
 * Lints and analyses the diagram in the browser after each pause in
 * editing. A result that arrives after a newer check started is dropped, so
 * the list never shows an older diagram's problems.
 */
export function useLiveCheck(readXml: () => Promise<string>, onResult: (problems: readonly Problem[], analysis: DesignAnalysis | undefined) => void) {
  const problems = shallowRef<readonly Problem[]>([]);
  const analysis = shallowRef<DesignAnalysis>();
  const checking = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    checking.value = true;
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  }

  async function run(): Promise<void> {
    timer = undefined;
    const mine = ++generation;
    try {
      // The engine (parser, linter, compiler, analysis) is its own chunk: the canvas is ready to draw before it arrives.
      const { checkDiagram } = await import('../../modeler/check');
      const result = await checkDiagram(await readXml());
      if (mine !== generation) return;
      problems.value = result.problems;
      analysis.value = result.analysis;
      onResult(result.problems, result.analysis);
    } finally {
      if (mine === generation && timer === undefined) checking.value = false;
    }
  }

  return { problems, analysis, checking, schedule };
}
