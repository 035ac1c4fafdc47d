import { EngineError } from '../../src/index.js';
import type { Action, InstanceDriver, RunStep } from './instance-driver.js';

export type StopReason = 'stuck' | 'quit' | 'max-steps' | 'error';

export interface DriveOptions {
  /** Picks the next action; undefined quits. */
  readonly choose: (actions: readonly Action[]) => Promise<Action | undefined>;
  readonly onStep: (step: RunStep) => void;
  readonly maxSteps: number;
}

export interface DriveOutcome {
  readonly steps: RunStep[];
  /** Absent when the instance ended. */
  readonly stopped?: StopReason;
  readonly error?: string;
}

/**
 * Performs one chosen action at a time until the instance ends, nothing is
 * left to do, the chooser quits or the step limit is reached. The actions
 * are listed afresh before every choice: completing one task can cancel
 * another (a boundary event, a rejected countersign).
 */
export async function drive(driver: InstanceDriver, options: DriveOptions): Promise<DriveOutcome> {
  const steps: RunStep[] = [];
  for (;;) {
    if ((await driver.instance()).status !== 'active') return { steps };
    const actions = await driver.actions();
    if (actions.length === 0) return { steps, stopped: 'stuck' };
    if (steps.length >= options.maxSteps) return { steps, stopped: 'max-steps' };
    const action = await options.choose(actions);
    if (!action) return { steps, stopped: 'quit' };
    try {
      const step = await driver.perform(action);
      steps.push(step);
      options.onStep(step);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return { steps, stopped: 'error', error: error.message };
    }
  }
}
