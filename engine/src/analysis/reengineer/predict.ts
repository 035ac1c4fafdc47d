import type { ProcessModel } from '../../model/index.js';
import { analyseDesign } from '../design/index.js';
import type { Prediction } from './types.js';

/**
 * The design analysis of the to-be against the serial as-is: as-is is the
 * longest (here: the only) path through the as-is chain of legal limits,
 * to-be the critical path of promised limits through the parallel blocks.
 */
export function predict(asIs: ProcessModel, toBe: ProcessModel, hoursPerDay?: number): Prediction {
  const analysis = analyseDesign(toBe, { asIsModel: asIs, ...(hoursPerDay !== undefined ? { hoursPerDay } : {}) });
  return {
    asIsWorkingDays: analysis.asIs.workingDays,
    toBeWorkingDays: analysis.toBe.workingDays,
    compressionRatio: analysis.compressionRatio,
    criticalPath: analysis.criticalPath,
  };
}
