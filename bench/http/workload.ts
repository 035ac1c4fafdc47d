import { Session } from './api-client.js';
import { runLoad, type ConnectionPlan, type LoadResult } from './load.js';

/** The demo users who act on `open_company`'s tasks, and the department each acts for. */
export const ACTORS: readonly { readonly username: string; readonly department: string }[] = [
  { username: 'frontdesk', department: 'front-desk' },
  ...['market', 'police', 'tax', 'hrss', 'housing-fund', 'medical-insurance'].map((department) => ({ username: `clerk-${department}`, department })),
];
export const PROCESS_ID = 'open_company';
const PASSWORD = 'tongban';
const START_BODY = JSON.stringify({ processId: PROCESS_ID });
/** The API's page size limit. */
const PAGE = 100;

/** The signed-in sessions: `connections` of them, spread round-robin over the front desk and the six clerks. */
export interface Clerks {
  /** One per connection. */
  readonly sessions: readonly Session[];
  /** The sessions of each actor, in `ACTORS` order. */
  readonly byActor: readonly (readonly Session[])[];
  readonly frontdesk: readonly Session[];
}

/** Sign-in verifies an argon2 hash (~19 MiB, tens of ms): a few at a time, so the server's thread pool is not swamped. */
export async function signInClerks(url: string, connections: number): Promise<Clerks> {
  const sessions: Session[] = new Array<Session>(connections);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < connections; i = next++) sessions[i] = await Session.signIn(url, ACTORS[i % ACTORS.length]!.username, PASSWORD);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const byActor = ACTORS.map((_, a) => sessions.filter((_s, i) => i % ACTORS.length === a));
  return { sessions, byActor, frontdesk: byActor[0]! };
}

interface TaskRow { readonly id: string; readonly elementId: string }

/** Every open task in the actor's department pool, most urgent first (the inbox's own order). */
export async function openTasks(session: Session): Promise<TaskRow[]> {
  const rows: TaskRow[] = [];
  const seen = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const reply = await session.get<{ items: TaskRow[]; total: number }>(`/api/tasks?view=pool&status=open&limit=${PAGE}&offset=${offset}`);
    if (reply.status !== 200) throw new Error(`Inbox of ${session.username}: ${reply.status} ${reply.text}`);
    for (const row of reply.body.items) {
      if (!seen.has(row.id)) rows.push({ id: row.id, elementId: row.elementId });
      seen.add(row.id);
    }
    if (reply.body.items.length < PAGE) return rows;
  }
}

/** The server's own count of completed tasks, summed over the seven actors' department scopes. */
export async function completedTaskCount(clerks: Clerks): Promise<number> {
  let total = 0;
  for (const sessions of clerks.byActor) {
    const reply = await sessions[0]!.get<{ total: number }>('/api/tasks?view=all&status=completed&limit=1');
    if (reply.status !== 200) throw new Error(`Completed tasks of ${sessions[0]!.username}: ${reply.status} ${reply.text}`);
    total += reply.body.total;
  }
  return total;
}

/** The server's count of applications (the front desk reads them all). */
export async function instanceCount(clerks: Clerks): Promise<number> {
  const reply = await clerks.frontdesk[0]!.get<{ total: number }>('/api/instances?limit=1');
  if (reply.status !== 200) throw new Error(`Instances: ${reply.status} ${reply.text}`);
  return reply.body.total;
}

const completePath = (taskId: string) => `/api/tasks/${encodeURIComponent(taskId)}/complete`;

/** Applications started for `durationSec` by every connection, each as one of the front desk's sessions. */
export function measureStarts(url: string, clerks: Clerks, connections: number, durationSec: number): Promise<LoadResult> {
  const plans: ConnectionPlan[] = Array.from({ length: connections }, (_, i) => ({
    headers: clerks.frontdesk[i % clerks.frontdesk.length]!.headers(), path: '/api/instances',
  }));
  return runLoad({ url, method: 'POST', body: START_BODY, connections: plans, durationSec });
}

/** `count` more applications, as fast as the server takes them; set-up, not measured. */
async function startMore(url: string, clerks: Clerks, count: number): Promise<void> {
  const connections = Math.min(50, count);
  const plans = Array.from({ length: connections }, (_, i): ConnectionPlan => ({
    headers: clerks.frontdesk[i % clerks.frontdesk.length]!.headers(),
    queue: Array.from({ length: Math.floor(count / connections) + (i < count % connections ? 1 : 0) }, () => '/api/instances'),
  }));
  mustAllSucceed('starting applications for the completion run', await runLoad({ url, method: 'POST', body: START_BODY, connections: plans, durationSec: 600 }));
}

/** Completes the given tasks (front-desk acceptances) with the front desk's sessions; set-up, not measured. */
async function completeAll(url: string, sessions: readonly Session[], taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  const connections = Math.min(50, taskIds.length);
  const plans = Array.from({ length: connections }, (_, i): ConnectionPlan => ({
    headers: sessions[i % sessions.length]!.headers(),
    queue: taskIds.filter((_id, k) => k % connections === i).map(completePath),
  }));
  mustAllSucceed('accepting applications for the completion run', await runLoad({ url, method: 'POST', body: '{}', connections: plans, durationSec: 600 }));
}

function mustAllSucceed(what: string, result: LoadResult): void {
  const failed = Object.values(result.failures).reduce((a, b) => a + b, 0) + result.errors;
  if (failed > 0) throw new Error(`${what}: ${failed} request(s) failed: ${JSON.stringify(result.failures)}, ${result.errors} connection error(s)`);
}

export interface CompletionPlan {
  /** One per connection, in `clerks.sessions` order: that session's headers and its own tasks. */
  readonly plans: readonly ConnectionPlan[];
  /** Tasks per connection. */
  readonly perConnection: number;
}

/**
 * Open tasks for one completion run: `perConnection` distinct tasks for
 * every session, each in the session's department. The front desk's
 * sessions complete acceptances (and final issues) of fresh applications;
 * each clerk's sessions complete their department's task of accepted
 * ones. What is missing is made through the API first: more applications
 * started, and enough of them accepted to open six department tasks each.
 * A department's tasks are dealt round-robin over its sessions in inbox
 * order, so the clerks of a department work down the queue together, most
 * urgent first, as they would from the pool.
 */
export async function prepareCompletions(url: string, clerks: Clerks, perConnection: number): Promise<CompletionPlan> {
  const counts = clerks.byActor.map((sessions) => sessions.length);
  const frontdeskNeed = counts[0]! * perConnection;
  let frontdesk = await openTasks(clerks.frontdesk[0]!);
  const departmentOpen = await Promise.all(clerks.byActor.slice(1).map(async (sessions) => (await openTasks(sessions[0]!)).length));
  // Acceptances needed so that every department has enough open tasks.
  const accepts = Math.max(0, ...departmentOpen.map((open, d) => counts[d + 1]! * perConnection - open));
  const acceptable = frontdesk.filter((t) => t.elementId === 'Task_accept').length;
  const missing = Math.max(frontdeskNeed + accepts - frontdesk.length, accepts - acceptable);
  if (missing > 0) {
    await startMore(url, clerks, missing);
    frontdesk = await openTasks(clerks.frontdesk[0]!);
  }
  // Accept the least urgent applications, so the front desk keeps the most urgent acceptances for itself.
  const toAccept = accepts === 0 ? [] : frontdesk.filter((t) => t.elementId === 'Task_accept').slice(-accepts);
  await completeAll(url, clerks.frontdesk, toAccept.map((t) => t.id));
  const accepted = new Set(toAccept.map((t) => t.id));

  const queues = await Promise.all(clerks.byActor.map(async (sessions, a) => {
    const open = a === 0 ? frontdesk.filter((t) => !accepted.has(t.id)) : await openTasks(sessions[0]!);
    const need = sessions.length * perConnection;
    if (open.length < need) throw new Error(`${ACTORS[a]!.username} has ${open.length} open tasks, ${need} needed`);
    return sessions.map((_s, j) => open.slice(0, need).filter((_t, k) => k % sessions.length === j).map((t) => completePath(t.id)));
  }));
  // Session i is the (i ÷ 7)-th session of actor i mod 7, as `signInClerks` dealt them.
  const plans = clerks.sessions.map((session, i): ConnectionPlan => ({
    headers: session.headers(), queue: queues[i % ACTORS.length]![Math.floor(i / ACTORS.length)]!,
  }));
  return { plans, perConnection };
}

/** The measured run: every connection completes its own queue of tasks, at once. */
export function measureCompletions(url: string, plan: CompletionPlan, durationSec: number): Promise<LoadResult> {
  return runLoad({ url, method: 'POST', body: '{}', connections: plan.plans, durationSec });
}
