import { parseBpmn } from '../../model/index.js';
import { hasErrors, type Problem } from '../../problems/index.js';
import { dependencyGraph } from './dependency-graph.js';
import { layout } from './layout.js';
import { orderConflicts } from './order-conflicts.js';
import { predict } from './predict.js';
import { reengineerProblems } from './problems.js';
import { serialChain } from './serial-chain.js';
import { stageTasks } from './stage-tasks.js';
import { toBeXml } from './to-be-xml.js';
import type { ProcessModel } from '../../model/index.js';
import type { Prediction, ReengineerOptions, ReengineerResult, TaskAccess } from './types.js';

/**
 * Serial as-is model → block-structured to-be BPMN: every task in the
 * earliest stage its data allows (`dependencyGraph`, `stageTasks`), each
 * stage a single task or a parallel block, laid out with bpmn-auto-layout,
 * and the compression `analyseDesign` predicts for it.
 */
export async function reengineer(model: ProcessModel, options: ReengineerOptions = {}): Promise<ReengineerResult> {
  const chain = serialChain(model);
  if (hasErrors(chain.problems)) return { stages: [], problems: chain.problems };
  if (chain.tasks.length === 0) return { stages: [], problems: [...chain.problems, reengineerProblems.noTasks(model.id)] };

  const access: TaskAccess[] = chain.tasks.map((task) => ({ id: task.id, reads: task.reads ?? [], writes: task.writes ?? [] }));
  const staging = stageTasks(dependencyGraph(access));
  const problems: Problem[] = [...chain.problems, ...staging.problems];
  if (hasErrors(problems)) return { stages: [], problems };
  problems.push(...orderConflicts(access, staging.stageOf));

  const processId = options.processId ?? `${model.id}_to_be`;
  const plain = toBeXml(model, chain, staging.stages, processId);
  let xml: string;
  try {
    xml = options.layout === false ? plain : await layout(plain);
  } catch (error) {
    problems.push(reengineerProblems.layoutFailed(processId, error instanceof Error ? error.message : String(error)));
    return { stages: staging.stages, problems };
  }
  const toBe = (await parseBpmn(xml)).processes.find((p) => p.id === processId);
  let prediction: Prediction | undefined;
  try {
    if (toBe) prediction = predict(model, toBe, options.hoursPerDay);
    else problems.push(reengineerProblems.noPrediction(processId, '目标流程图无法读取 (the to-be diagram cannot be read)'));
  } catch (error) {
    problems.push(reengineerProblems.noPrediction(processId, error instanceof Error ? error.message : String(error)));
  }
  return { xml, stages: staging.stages, problems, ...(prediction ? { prediction } : {}) };
}
