import { z } from 'zod';
import { applicationStatus, type InstanceRecord, type TaskRecord } from '@tongban/engine';
import type { Services } from '../app/services.js';
import { actsFor, readScope } from '../access/index.js';
import type { CurrentUser } from '../accounts/index.js';
import { instanceQueries } from '../instances/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { taskView, TaskView } from '../tasks/index.js';
import { withConflictRetries } from '../tasks/engine-retry.js';
import { taskHolds } from '../tasks/task-holds.js';
import { Id, IdParams } from './common.js';

const Reason = z.string().trim().min(1).max(2000);
const UserRef = z.string().trim().min(1).max(100).describe('A username');

const MaterialView = z.object({
  material: z.string(), dueAt: z.string(), status: z.enum(['missing', 'supplied', 'overdue']),
  suppliedAt: z.string().optional(), suppliedBy: z.string().optional(),
});

const InstanceResult = z.object({
  id: z.string(), revision: z.number().int(), status: z.string(),
  applicationStatus: z.enum(['active', 'awaiting-supplement', 'completed', 'terminated', 'failed']),
  materials: z.array(MaterialView),
  openTasks: z.array(TaskView).describe('The application\'s open tasks in your scope after the action'),
});

const Conflicts = { 409: { description: 'The task or application has moved on, someone else holds the task, or the action does not apply now' } };

/**
 * Approval actions beyond claim and complete (docs/approval-actions.md).
 * Each is one engine command of the application, run in its lane so its
 * checks see the writes before it in this process, audited with the engine
 * commit, retried when another write to the same application won the
 * revision race, and answered 409 when the application has moved on.
 * Checks, in order: in scope (else 404), role and department (else 403),
 * then the state (else 409).
 */
export function taskActionRoutes(s: Services) {
  const instances = instanceQueries(s.db);
  const holds = taskHolds(s.db);

  function visibleInstance(id: string, user: CurrentUser): void {
    if (!instances.isVisible(id, readScope(user))) throw new Problem('not-found', `No instance ${id}`);
  }

  async function visibleTask(id: string, user: CurrentUser): Promise<TaskRecord> {
    const task = await s.store.getTask(id);
    const scope = readScope(user).tasks;
    if (!task || (scope !== 'all' && (task.department === undefined || !scope.includes(task.department)))) throw new Problem('not-found', `No task ${id}`);
    return task;
  }

  /** A task the user may act on now: their department's, open, and not held by another clerk. */
  async function actionable(id: string, user: CurrentUser): Promise<TaskRecord> {
    const task = await visibleTask(id, user);
    if (!actsFor(user, task.department)) throw new Problem('access/forbidden', `You do not act for department ${task.department ?? '(none)'}`);
    if (task.status !== 'open') throw new Problem('task/not-open', `Task ${id} is ${task.status}`);
    const holder = holds.holder(id);
    if (holder !== undefined && holder !== user.id) throw new Problem('task/claimed-by-other', `Task ${id} is claimed by another clerk`);
    return task;
  }

  /** Runs `action` in the task's application lane after the checks, again inside the lane. */
  async function onTask(id: string, user: CurrentUser, check: (id: string, user: CurrentUser) => Promise<TaskRecord>, action: (task: TaskRecord) => Promise<InstanceRecord>) {
    const { instanceId } = await visibleTask(id, user);
    const instance = await s.lanes.run(instanceId, async () => {
      const task = await check(id, user);
      return withConflictRetries(() => action(task));
    });
    return json(200, await result(instance, user));
  }

  async function result(instance: InstanceRecord, user: CurrentUser): Promise<z.infer<typeof InstanceResult>> {
    const scope = readScope(user).tasks;
    const open = (await s.store.listTasks({ instanceId: instance.id, status: 'open' }))
      .filter((t) => scope === 'all' || (t.department !== undefined && scope.includes(t.department)));
    const openPauses = (instance.pauses ?? []).filter((p) => p.to === undefined);
    const now = s.clock.now();
    return {
      id: instance.id, revision: instance.revision, status: instance.status, applicationStatus: applicationStatus(instance),
      materials: (instance.materials ?? []).map((m) => ({
        material: m.material, dueAt: m.dueAt, status: m.status,
        ...(m.suppliedAt !== undefined ? { suppliedAt: m.suppliedAt } : {}), ...(m.suppliedBy !== undefined ? { suppliedBy: m.suppliedBy } : {}),
      })),
      openTasks: open.map((t) => taskView(t, { assignee: holds.holder(t.id), businessKey: instance.businessKey, openPauses }, now, s.calendar)),
    };
  }

  /** A clerk of the task's department, by username, for 转办 and 委派. */
  function colleague(username: string, task: TaskRecord) {
    const target = s.users.byUsername(username);
    if (!target || target.disabled) throw new Problem('not-found', `No user ${username}`);
    if (!target.roles.some((r) => r === 'clerk' || r === 'frontdesk') || task.department === undefined || !target.departments.includes(task.department)) {
      throw new Problem('command/rejected', `${username} is not a clerk of department ${task.department ?? '(none)'}`, { reason: 'transfer/other-department' });
    }
    return target;
  }

  const actor = (user: CurrentUser, task?: TaskRecord) => ({ userId: user.id, ...(task?.department ? { department: task.department } : {}) });

  return [
    defineRoute({
      method: 'post', path: '/api/instances/:id/materials/:material/supplied', tag: 'instances', access: ['frontdesk'],
      summary: 'Record a missing material (容缺) as supplied: its deadline stops, and an application awaiting only it completes',
      params: z.object({ id: Id, material: z.string().trim().min(1).max(200) }),
      responses: { 200: { description: 'Supplied', schema: InstanceResult }, 404: { description: 'No such application in your scope' }, ...Conflicts },
      handler: async ({ params, user }) => {
        visibleInstance(params.id, user);
        const instance = await s.lanes.run(params.id, () => withConflictRetries(() => s.runtime.supplyMaterial(params.id, params.material, { userId: user.id })));
        return json(200, await result(instance, user));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/return', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Return (退回) the task to an earlier task of its branch, or before the parallel block; the other branches are untouched',
      params: IdParams,
      body: z.strictObject({ to: z.string().min(1).max(200).describe('Element id of the earlier task'), reason: Reason }),
      responses: { 200: { description: 'Returned', schema: InstanceResult }, ...Conflicts },
      handler: ({ params, body, user }) => onTask(params.id, user, actionable, (task) => s.runtime.returnTask(task.id, body.to, { reason: body.reason, actor: actor(user, task) })),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/take-back', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Take back (拿回) a task you completed, while the tasks it opened are still unclaimed and untouched',
      params: IdParams,
      responses: { 200: { description: 'Taken back; the task is open again and claimed by you', schema: InstanceResult }, ...Conflicts },
      handler: async ({ params, user }) => {
        const { instanceId } = await visibleTask(params.id, user);
        const instance = await s.lanes.run(instanceId, async () => {
          const task = await visibleTask(params.id, user);
          if (!actsFor(user, task.department)) throw new Problem('access/forbidden', `You do not act for department ${task.department ?? '(none)'}`);
          const completion = (await s.store.listHistory(instanceId)).findLast((h) => h.command.type === 'task.complete' && h.command.taskId === task.id);
          const next = (completion?.effects ?? []).filter((e) => e.type === 'task.opened').map((e) => e.id);
          const at = s.clock.now().toISOString();
          const held = holds.hold(next, user.id, at);
          if (!held.ok) throw new Problem('task/claimed-by-other', `The next task ${held.taskId} has been claimed; it can no longer be taken back`);
          let taken: InstanceRecord;
          try {
            taken = await withConflictRetries(() => s.runtime.takeBack(task.id, actor(user, task)));
          } finally {
            holds.release(held.held, user.id);
          }
          // The reopened task goes to the clerk who took it back.
          for (const t of await s.store.listTasks({ instanceId, status: 'open' })) {
            if (t.elementId === task.elementId) holds.claimIfFree(t.id, user.id, s.clock.now().toISOString());
          }
          return taken;
        });
        return json(200, await result(instance, user));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/instances/:id/withdraw', tag: 'task actions', access: ['frontdesk'],
      summary: 'Withdraw (撤回) the application for the applicant before any department has acted on it',
      params: IdParams,
      body: z.strictObject({ reason: Reason }),
      responses: { 200: { description: 'Withdrawn: ended as terminated', schema: InstanceResult }, 404: { description: 'No such application' }, ...Conflicts },
      handler: async ({ params, body, user }) => {
        visibleInstance(params.id, user);
        const instance = await s.lanes.run(params.id, async () => {
          const open = await s.store.listTasks({ instanceId: params.id, status: 'open' });
          const claimed = open.find((t) => !user.departments.includes(t.department ?? '') && holds.holder(t.id) !== undefined);
          if (claimed) throw new Problem('command/rejected', `Department ${claimed.department ?? ''} has claimed its task; the application can no longer be withdrawn`, { reason: 'withdraw/acted' });
          return withConflictRetries(() => s.runtime.withdraw(params.id, { reason: body.reason, actor: { userId: user.id }, receivingDepartments: user.departments }));
        });
        return json(200, await result(instance, user));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/transfer', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Transfer (转办) the task to another clerk of its department; the claim moves with it',
      params: IdParams,
      body: z.strictObject({ to: UserRef, reason: Reason.optional() }),
      responses: { 200: { description: 'Transferred', schema: InstanceResult }, 404: { description: 'No such task or user' }, ...Conflicts },
      handler: ({ params, body, user }) => onTask(params.id, user, actionable, async (task) => {
        const target = colleague(body.to, task);
        const instance = await s.runtime.transferTask(task.id, { to: target.id, toDepartment: task.department ?? '', ...(body.reason ? { reason: body.reason } : {}), actor: actor(user, task) });
        holds.handOver(task.id, target.id, s.clock.now().toISOString());
        return instance;
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/delegate', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Delegate (委派) the task to a colleague: they resolve it, you complete it',
      params: IdParams,
      body: z.strictObject({ to: UserRef, reason: Reason.optional() }),
      responses: { 200: { description: 'Delegated', schema: InstanceResult }, 404: { description: 'No such task or user' }, ...Conflicts },
      handler: ({ params, body, user }) => onTask(params.id, user, actionable, (task) =>
        s.runtime.delegateTask(task.id, { to: colleague(body.to, task).id, ...(body.reason ? { reason: body.reason } : {}), actor: actor(user, task) })),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/resolve', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'As the delegate, give the delegated task back to its owner (委派处理完毕)',
      params: IdParams,
      responses: { 200: { description: 'Resolved', schema: InstanceResult }, ...Conflicts },
      handler: ({ params, user }) => onTask(params.id, user, async (id, u) => {
        const task = await visibleTask(id, u);
        if (!actsFor(u, task.department)) throw new Problem('access/forbidden', `You do not act for department ${task.department ?? '(none)'}`);
        return task;
      }, (task) => s.runtime.resolveTask(task.id, actor(user, task))),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/signers', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Add signers (加签) to the countersign of this task: before or after the current one (sequential), or in parallel',
      params: IdParams,
      body: z.strictObject({ signers: z.array(z.string().trim().min(1).max(100)).min(1).max(50), position: z.enum(['before', 'after', 'parallel']).optional() }),
      responses: { 200: { description: 'Added; the completion rule is decided again', schema: InstanceResult }, ...Conflicts },
      handler: ({ params, body, user }) => onTask(params.id, user, actionable, (task) =>
        s.runtime.addSigners(task.id, { signers: body.signers, ...(body.position ? { position: body.position } : {}), actor: actor(user, task) })),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/signers/remove', tag: 'task actions', access: ['clerk', 'frontdesk'],
      summary: 'Remove an unvoted signer (减签) from the countersign of this task; the completion rule is decided again over the rest',
      params: IdParams,
      body: z.strictObject({ index: z.number().int().min(0).max(1000) }),
      responses: { 200: { description: 'Removed', schema: InstanceResult }, ...Conflicts },
      handler: ({ params, body, user }) => onTask(params.id, user, actionable, (task) => s.runtime.removeSigner(task.id, body.index, actor(user, task))),
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/urge', tag: 'task actions', access: ['frontdesk', 'manager'],
      summary: 'Urge (催办) the department handling this task; counted on the task and in reports',
      params: IdParams,
      body: z.strictObject({ reason: Reason.optional() }),
      responses: { 200: { description: 'Urged', schema: InstanceResult }, ...Conflicts },
      handler: async ({ params, body, user }) => {
        // Whoever may read the application may urge any of its tasks: the front desk follows up for the applicant.
        const task = await s.store.getTask(params.id);
        if (!task) throw new Problem('not-found', `No task ${params.id}`);
        visibleInstance(task.instanceId, user);
        const instance = await s.lanes.run(task.instanceId, () => withConflictRetries(() =>
          s.runtime.urgeTask(task.id, { ...(body.reason ? { reason: body.reason } : {}), actor: { userId: user.id } })));
        return json(200, await result(instance, user));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/instances/:id/ratings', tag: 'task actions', access: ['frontdesk'],
      summary: 'Record the applicant\'s rating (好差评, 1–5 with reasons) of the application or of one department\'s task; 1 or 2 opens a rectification task (差评整改) for that department',
      params: IdParams,
      body: z.strictObject({
        score: z.number().int().min(1).max(5), reasons: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
        taskId: Id.optional(), department: z.string().trim().min(1).max(100).optional().describe('Who rectifies a poor rating of the whole application'),
      }),
      responses: { 200: { description: 'Rated', schema: InstanceResult }, 404: { description: 'No such application' }, ...Conflicts },
      handler: async ({ params, body, user }) => {
        visibleInstance(params.id, user);
        if (body.department !== undefined && !s.departments.get(body.department)) throw new Problem('not-found', `No department ${body.department}`);
        const instance = await s.lanes.run(params.id, () => withConflictRetries(() => s.runtime.rate(params.id, {
          score: body.score, reasons: body.reasons, actor: { userId: user.id },
          ...(body.taskId !== undefined ? { taskId: body.taskId } : {}), ...(body.department !== undefined ? { department: body.department } : {}),
        })));
        return json(200, await result(instance, user));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/instances/:id/copies', tag: 'task actions', access: ['clerk', 'frontdesk', 'manager'],
      summary: 'Copy (抄送) the application to a person or a department, who may then read it',
      params: IdParams,
      body: z.union([z.strictObject({ user: UserRef }), z.strictObject({ department: z.string().trim().min(1).max(100) })]),
      responses: { 200: { description: 'Copied', schema: InstanceResult }, 404: { description: 'No such application, user or department' }, ...Conflicts },
      handler: async ({ params, body, user }) => {
        visibleInstance(params.id, user);
        let to: { user: string } | { department: string };
        if ('user' in body) {
          const target = s.users.byUsername(body.user);
          if (!target || target.disabled) throw new Problem('not-found', `No user ${body.user}`);
          to = { user: target.id };
        } else {
          if (!s.departments.get(body.department)) throw new Problem('not-found', `No department ${body.department}`);
          to = { department: body.department };
        }
        const instance = await s.lanes.run(params.id, () => withConflictRetries(() => s.runtime.copyTo(params.id, { to, actor: { userId: user.id } })));
        return json(200, await result(instance, user));
      },
    }),
  ];
}
