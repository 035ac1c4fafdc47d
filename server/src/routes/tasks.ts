import { z } from 'zod';
import { ConflictError, RejectedCommandError, type InstanceRecord, type TaskRecord } from '@tongban/engine';
import type { Services } from '../app/services.js';
import { actsFor, readScope, seesClearData } from '../access/index.js';
import type { CurrentUser } from '../accounts/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { commentsTable, taskClaims, taskQueries, taskView, TaskView } from '../tasks/index.js';
import { IdParams, PageQuery, pageOf, pageSchema } from './common.js';
import { Comment, Variables } from './variables.js';
import { findNode, prefilledValues, recordSubmission } from '../connectors/index.js';
import { abortOnDisconnect, FormPrefillView, prefillView } from './prefill-view.js';
import { checkSubmission, formsTable, overlayValues, requestLanguage } from '../forms/index.js';

/** How often a command that lost a race to another write on the same application is tried again. */
const CONFLICT_RETRIES = 10;

const ActionResult = z.object({ task: TaskView, instance: z.object({ id: z.string(), status: z.string(), revision: z.number().int() }) });

/**
 * The clerk's inbox and the actions on one task. Every action checks, in
 * this order: the task exists in the user's scope (else 404), the user acts
 * for its department (else 403), it is open (else 409 task/not-open), nobody
 * else holds it (else 409 task/claimed-by-other); the engine then applies
 * it as one atomic write, and a lost race is 409 with nothing written.
 */
export function taskRoutes(s: Services) {
  const queries = taskQueries(s.db);
  const claims = taskClaims(s.db, s.audit);
  const comments = commentsTable(s.db);
  const forms = formsTable(s.db);

  /**
   * The variables a task completes with: checked against the task's form as
   * deployed with the instance's version, with the instance's variables as
   * the context its conditions read, and cleaned by it. A task without a
   * form, or naming a form not deployed with its process, completes with
   * what was sent.
   */
  async function completionValues(task: TaskRecord, variables: Record<string, unknown> | undefined, language: 'zh' | 'en') {
    const schema = await taskForm(task);
    const submitted = variables ?? {};
    // Read once: the form's context, and the values before this completion for the provenance.
    const current = schema || Object.keys(submitted).length > 0 ? await s.runtime.getVariables(task.instanceId) : {};
    if (!schema) return { submitted, variables, before: current };
    const checked = checkSubmission(schema, submitted, current, language);
    // What the clerk submitted is recorded as theirs; the engine gets it laid over the variables it lands in.
    return { submitted: checked, variables: overlayValues(current, checked), before: current };
  }

  async function taskForm(task: TaskRecord) {
    if (task.form === undefined) return undefined;
    const instance = await s.store.getInstance(task.instanceId);
    return instance ? forms.get(instance.processId, instance.version, task.form) : undefined;
  }

  async function viewOf(task: TaskRecord): Promise<TaskView> {
    const instance = await s.store.getInstance(task.instanceId);
    const openPauses = (instance?.pauses ?? []).filter((p) => p.to === undefined);
    return taskView(task, { assignee: claims.holder(task.id), businessKey: instance?.businessKey, openPauses }, s.clock.now(), s.calendar);
  }

  async function visibleTask(id: string, user: CurrentUser): Promise<TaskRecord> {
    const task = await s.store.getTask(id);
    const scope = readScope(user).tasks;
    if (!task || (scope !== 'all' && (task.department === undefined || !scope.includes(task.department)))) throw new Problem('not-found', `No task ${id}`);
    return task;
  }

  /**
   * Runs an action in the application's lane, with the checks made inside
   * it, so they see what the actions before it in the lane wrote.
   */
  async function inLane<T>(id: string, user: CurrentUser, action: (task: TaskRecord) => Promise<T>): Promise<T> {
    const { instanceId } = await visibleTask(id, user);
    return s.lanes.run(instanceId, async () => action(await actionableTask(id, user)));
  }

  /** The checks every action makes before it changes anything. */
  async function actionableTask(id: string, user: CurrentUser): Promise<TaskRecord> {
    const task = await visibleTask(id, user);
    if (!actsFor(user, task.department)) throw new Problem('access/forbidden', `You do not act for department ${task.department ?? '(none)'}`);
    if (task.status !== 'open') throw new Problem('task/not-open', `Task ${id} is ${task.status}`);
    const holder = claims.holder(id);
    if (holder !== undefined && holder !== user.id) throw new Problem('task/claimed-by-other', `Task ${id} is claimed by another clerk`);
    return task;
  }

  /**
   * Runs a task command. Another write to the same application (a
   * parallel department completing its task at the same moment) makes the
   * engine's revision check fail with nothing written; the command is then
   * simply tried again on the new state, a few times, before the race is
   * reported as 409. A task that closed meanwhile is 409 task/not-open.
   */
  async function engine<T>(action: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await action();
      } catch (error) {
        if (error instanceof RejectedCommandError && (error.code === 'task/not-open' || error.code === 'instance/ended')) throw new Problem('task/not-open', error.message);
        if (error instanceof ConflictError) {
          if (attempt < CONFLICT_RETRIES) continue;
          throw new Problem('conflict', 'Another action on this application was saved first; reload and try again', { instanceId: error.instanceId });
        }
        throw error;
      }
    }
  }

  /** The answer of an action: the task as it is now, and the instance the engine returned. */
  async function result(taskId: string, instance: InstanceRecord) {
    const task = await s.store.getTask(taskId);
    if (!task) throw new Problem('not-found', `No task ${taskId}`);
    const openPauses = (instance.pauses ?? []).filter((p) => p.to === undefined);
    const view = taskView(task, { assignee: claims.holder(task.id), businessKey: instance.businessKey, openPauses }, s.clock.now(), s.calendar);
    return { task: view, instance: { id: instance.id, status: instance.status, revision: instance.revision } };
  }

  const openCorrection = async (instanceId: string) => (await s.store.getInstance(instanceId))?.pauses?.find((p) => p.kind === 'correction' && p.to === undefined);

  return [
    defineRoute({
      method: 'get', path: '/api/tasks', tag: 'tasks', access: ['clerk', 'frontdesk', 'manager', 'admin'],
      summary: 'The inbox: the department pool (抢单), my claimed tasks, or all, with deadline lights; most urgent first',
      query: PageQuery.extend({
        view: z.enum(['pool', 'mine', 'all']).default('all'),
        status: z.enum(['open', 'completed', 'cancelled']).default('open'),
        department: z.string().min(1).max(100).optional(), processId: z.string().min(1).max(200).optional(), instanceId: z.string().min(1).max(200).optional(),
        light: z.enum(['green', 'yellow', 'red']).optional(), q: z.string().trim().min(1).max(100).optional(),
      }),
      responses: { 200: { description: 'A page of tasks', schema: pageSchema(TaskView) } },
      handler: ({ query, user }) => {
        const now = s.clock.now();
        const { rows, total } = queries.inbox({
          scope: readScope(user), userId: user.id, view: query.view, status: query.status, now: now.toISOString(), limit: query.limit, offset: query.offset,
          ...(query.department ? { department: query.department } : {}), ...(query.processId ? { processId: query.processId } : {}),
          ...(query.instanceId ? { instanceId: query.instanceId } : {}), ...(query.light ? { light: query.light } : {}), ...(query.q ? { q: query.q } : {}),
        });
        return json(200, pageOf(rows.map((r) => taskView(r.task, r, now, s.calendar)), total, query));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/tasks/:id', tag: 'tasks', access: ['clerk', 'frontdesk', 'manager', 'admin'],
      summary: 'One task with its deadlines and light',
      params: IdParams,
      responses: { 200: { description: 'The task', schema: TaskView }, 404: { description: 'No such task in your scope' } },
      handler: async ({ params, user }) => json(200, await viewOf(await visibleTask(params.id, user))),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/claim', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Claim a task from the department pool (抢单); the first claim wins',
      params: IdParams,
      responses: { 200: { description: 'Claimed (or already mine)', schema: TaskView }, 409: { description: 'Claimed by another clerk, or no longer open' } },
      handler: async ({ params, user }) => {
        const task = await actionableTask(params.id, user);
        const claimed = claims.claim(task.id, task.instanceId, user.id, s.clock.now().toISOString());
        if (!claimed.ok) throw new Problem('task/claimed-by-other', `Task ${task.id} is claimed by another clerk`);
        return json(200, await viewOf(task));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/unclaim', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Put a claimed task back into the department pool',
      params: IdParams,
      responses: { 200: { description: 'Back in the pool', schema: TaskView }, 409: { description: 'Not claimed by you' } },
      handler: async ({ params, user }) => {
        const task = await actionableTask(params.id, user);
        if (!claims.unclaim(task.id, task.instanceId, user.id, s.clock.now().toISOString())) throw new Problem('command/rejected', `Task ${task.id} is not claimed by you`);
        return json(200, await viewOf(task));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/prefill', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Open the task\'s form: its prefill bindings are called in parallel under one deadline; what failed stays editable',
      params: IdParams,
      body: z.strictObject({ variables: Variables.optional().describe('What the form holds so far, over the application\'s variables') }),
      responses: { 200: { description: 'The prefilled form', schema: FormPrefillView }, 409: { description: 'The task is no longer open' } },
      handler: async ({ params, body, user, ctx }) => {
        const task = await actionableTask(params.id, user);
        const instance = await s.runtime.getInstance(task.instanceId);
        const process = await s.runtime.processFor(instance.processId, instance.version);
        const node = findNode(process.model.scope, task.elementId);
        const bindings = node?.kind === 'userTask' ? node.prefill : [];
        const variables = { ...(await s.runtime.getVariables(task.instanceId)), ...body.variables };
        const prefill = await s.prefill({
          userId: user.id, processId: task.processId, instanceId: task.instanceId, taskId: task.id, bindings, variables, signal: abortOnDisconnect(ctx),
          ...(task.form !== undefined ? { form: task.form } : {}),
        });
        return json(200, prefillView(prefill, s.connectors, seesClearData(user)));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/complete', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Complete (办结) a task with its form data; a countersign (会签) slot votes approve or reject',
      params: IdParams,
      body: z.strictObject({
        variables: Variables.optional(), outcome: z.enum(['approve', 'reject']).optional(), comment: Comment.optional(),
        prefillId: z.uuid().optional().describe('The receipt of the task form\'s prefill: which values the server filled in'),
      }),
      responses: { 200: { description: 'Completed', schema: ActionResult }, 409: { description: 'Already completed, claimed by another, waiting for a correction, or lost a race' } },
      handler: ({ params, body, user, ctx }) => inLane(params.id, user, async (task) => {
        if (await openCorrection(task.instanceId)) throw new Problem('command/rejected', 'The application waits for the applicant\'s correction (补正)');
        const prefilled = prefilledValues(s, body.prefillId, user, { processId: task.processId, taskId: task.id });
        const { submitted, variables, before } = await completionValues(task, body.variables, requestLanguage(ctx.get('accept-language')));
        const instance = await engine(() => s.runtime.completeTask(task.id, {
          actor: { userId: user.id, ...(task.department ? { department: task.department } : {}) },
          ...(variables ? { variables } : {}), ...(body.outcome ? { outcome: body.outcome } : {}),
        }));
        recordSubmission(s, { instanceId: task.instanceId, submitted, prefilled, before, submitter: { kind: 'clerk', userId: user.id, taskId: task.id } });
        if (body.comment) comments.add({ instanceId: task.instanceId, taskId: task.id, userId: user.id, kind: 'approval', text: body.comment, at: s.clock.now().toISOString() });
        return json(200, await result(task.id, instance));
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/return-for-correction', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Return the application to the applicant for correction (退回补正): the clock stops until the front desk resubmits',
      params: IdParams,
      body: z.strictObject({
        reasons: z.array(z.strictObject({ field: z.string().min(1).max(100).optional(), message: z.string().trim().min(1).max(500) })).min(1).max(50),
        comment: Comment.optional(),
      }),
      responses: { 200: { description: 'Returned; the clock is stopped', schema: ActionResult }, 409: { description: 'Already waiting for a correction, or the task is closed' } },
      handler: ({ params, body, user }) => inLane(params.id, user, async (task) => {
        if (await openCorrection(task.instanceId)) throw new Problem('command/rejected', 'The application already waits for a correction');
        const instance = await engine(() => s.runtime.stopClock(task.instanceId, { kind: 'correction', taskId: task.id, reason: `${body.reasons.length} correction reason(s)` }, { userId: user.id }));
        const text = [...body.reasons.map((r) => (r.field ? `${r.field}: ${r.message}` : r.message)), ...(body.comment ? [body.comment] : [])].join('\n');
        comments.add({ instanceId: task.instanceId, taskId: task.id, userId: user.id, kind: 'correction', text, at: s.clock.now().toISOString() });
        return json(200, await result(task.id, instance));
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/reject', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Reject the application (不予许可/不予受理): it ends as terminated, with the reason recorded',
      params: IdParams,
      body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
      responses: { 200: { description: 'Rejected', schema: ActionResult }, 409: { description: 'The task is closed or lost a race' } },
      handler: ({ params, body, user }) => inLane(params.id, user, async (task) => {
        // The reason is the clerk's free text: kept in the comments, not in the audited command.
        const instance = await engine(() => s.runtime.terminate(task.instanceId, `rejected at task ${task.id}`, { userId: user.id }));
        comments.add({ instanceId: task.instanceId, taskId: task.id, userId: user.id, kind: 'rejection', text: body.reason, at: s.clock.now().toISOString() });
        return json(200, await result(task.id, instance));
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/comments', tag: 'tasks', access: ['clerk', 'frontdesk'],
      summary: 'Add an opinion (审批意见) to a task without completing it',
      params: IdParams,
      body: z.strictObject({ text: Comment }),
      responses: { 201: { description: 'Added', schema: z.object({ id: z.string(), at: z.string() }) } },
      handler: async ({ params, body, user }) => {
        const task = await visibleTask(params.id, user);
        if (!actsFor(user, task.department)) throw new Problem('access/forbidden', `You do not act for department ${task.department ?? '(none)'}`);
        const at = s.clock.now().toISOString();
        const added = s.db.transaction(() => {
          const c = comments.add({ instanceId: task.instanceId, taskId: task.id, userId: user.id, kind: 'comment', text: body.text, at });
          s.audit.append({ at, actor: user.id, action: 'task.comment', instanceId: task.instanceId, target: task.id });
          return c;
        }).immediate();
        return json(201, { id: added.id, at: added.at });
      },
    }),
  ];
}
