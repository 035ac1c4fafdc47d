/**
 * The rows of the authorization matrix (server/test/acceptance/
 * authorization-matrix.test.ts) for the approval-action routes, in its
 * column order: anonymous, admin, designer, frontdesk, manager,
 * clerk-market (own task), clerk-tax (foreign task, same application),
 * clerk-bank (foreign application). The matrix spreads them into EXPECTED.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../support/harness.js';
import { enc, taskOf, type Application } from '../support/acceptance.js';

type Column = 'anonymous' | 'admin' | 'designer' | 'frontdesk' | 'manager' | 'clerk-market' | 'clerk-tax' | 'clerk-bank';
type Cell = 'allow' | 401 | 403 | 404;
interface Fixtures { readonly shared: Application; fresh(): Promise<Application>; client(column: Column): ApiClient }
interface Request { readonly path: string; readonly json?: unknown }
interface Row {
  readonly cells: readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
  readonly allowAlso?: readonly number[];
  readonly request: (f: Fixtures, column: Column, cell: Cell) => Request | Promise<Request>;
}

const A = 'allow';
/** The task routes: the clerk of the task's department acts; the front desk and foreign clerks do not see the task. */
const OWN_TASK = [401, 403, 403, 404, 403, A, 404, 404] as const;
const FRONT_DESK_ONLY = [401, 403, 403, A, 403, 403, 403, 403] as const;

const marketTask = async (f: Fixtures, cell: Cell) => taskOf(cell === A ? await f.fresh() : f.shared, 'market').id;
const instanceOf = async (f: Fixtures, cell: Cell) => (cell === A ? (await f.fresh()).instanceId : f.shared.instanceId);

export const TASK_ACTION_ROWS: Record<string, Row> = {
  'POST /api/tasks/{id}/return': { cells: OWN_TASK, request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/return`, json: { to: 'Task_accept', reason: '退回窗口' } }) },
  'POST /api/tasks/{id}/take-back': {
    cells: OWN_TASK,
    request: async (f, column, cell) => {
      const id = await marketTask(f, cell);
      if (cell === A) expect((await f.client(column).post(`/api/tasks/${enc(id)}/complete`, {})).status).toBe(200);
      return { path: `/api/tasks/${enc(id)}/take-back` };
    },
  },
  // The demo has one clerk per department: a transfer or delegation to another department's clerk is the documented 409.
  'POST /api/tasks/{id}/transfer': { cells: OWN_TASK, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/transfer`, json: { to: 'clerk-tax' } }) },
  'POST /api/tasks/{id}/delegate': { cells: OWN_TASK, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/delegate`, json: { to: 'clerk-tax' } }) },
  'POST /api/tasks/{id}/resolve': { cells: OWN_TASK, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/resolve` }) },
  // The market task is no countersign: 409 signers/not-countersign.
  'POST /api/tasks/{id}/signers': { cells: OWN_TASK, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/signers`, json: { signers: ['x'] } }) },
  'POST /api/tasks/{id}/signers/remove': { cells: OWN_TASK, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/signers/remove`, json: { index: 0 } }) },
  'POST /api/tasks/{id}/urge': { cells: [401, 403, 403, A, A, 403, 403, 403], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await marketTask(f, cell))}/urge`, json: { reason: '催办' } }) },
  'POST /api/instances/{id}/withdraw': { cells: FRONT_DESK_ONLY, request: async (f, _c, cell) => ({ path: `/api/instances/${await instanceOf(f, cell)}/withdraw`, json: { reason: '申请人撤回' } }) },
  // Started without missing materials: 409 material/unknown.
  'POST /api/instances/{id}/materials/{material}/supplied': { cells: FRONT_DESK_ONLY, allowAlso: [409], request: async (f, _c, cell) => ({ path: `/api/instances/${await instanceOf(f, cell)}/materials/${enc('营业执照')}/supplied` }) },
  'POST /api/instances/{id}/ratings': { cells: FRONT_DESK_ONLY, request: async (f, _c, cell) => ({ path: `/api/instances/${await instanceOf(f, cell)}/ratings`, json: { score: 5 } }) },
  'POST /api/instances/{id}/copies': { cells: [401, 403, 403, A, A, A, A, 404], request: async (f, _c, cell) => ({ path: `/api/instances/${await instanceOf(f, cell)}/copies`, json: { department: 'bank' } }) },
};
