import { createInterface } from 'node:readline/promises';
import type { Action } from './instance-driver.js';
import { actionLine } from './report.js';

export interface PromptChooser {
  readonly choose: (actions: readonly Action[]) => Promise<Action | undefined>;
  readonly close: () => void;
}

/**
 * Lists the actions numbered and reads a number per line; `q` or the end
 * of the input quits. Lines are read through the interface's iterator, which
 * buffers them, so piped input is not lost between prompts.
 */
export function promptChooser(input: NodeJS.ReadableStream, write: (text: string) => void): PromptChooser {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  // A terminal echoes what is typed; piped answers are echoed so the transcript reads right.
  const echo = !(input as { isTTY?: boolean }).isTTY;
  const choose = async (actions: readonly Action[]): Promise<Action | undefined> => {
    write('\n待办 (open):\n');
    actions.forEach((action, i) => write(`  [${i + 1}] ${actionLine(action)}\n`));
    for (;;) {
      write(`选择编号，q 退出 (number, q to quit) > `);
      const next = await lines.next();
      if (echo) write(`${next.done ? '' : next.value}\n`);
      if (next.done) return undefined;
      const answer = next.value.trim();
      if (answer === 'q' || answer === 'quit') return undefined;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= actions.length) return actions[n - 1];
      if (answer !== '') write(`请输入 1–${actions.length} 的编号或 q (enter 1–${actions.length} or q)\n`);
    }
  };
  return { choose, close: () => rl.close() };
}
