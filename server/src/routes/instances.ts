import { z } from 'zod';
import { parseLimit, RejectedCommandError, type Limit } from '@tongban/engine';
import type { Services } from '../app/services.js';
import { readScope, seesClearData } from '../access/index.js';
import { hasRole } from '../accounts/index.js';
import { instanceQueries, instanceSummary, InstanceSummary, timeline, TimelineEntry } from '../instances/index.js';
import { maskPersonalData } from '../masking/index.js';
import { prefilledValues, recordSubmission } from '../connectors/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { commentsTable, taskClaims, taskView, TaskView } from '../tasks/index.js';
import { Id, IdParams, PageQuery, pageOf, pageSchema } from './common.js';
import { Variables } from './variables.js';

const InstanceDetail = InstanceSummary.extend({
  variables: z.record(z.string(), z.unknown()).describe('Masked (脱敏) unless the role handles the application'),
  masked: z.boolean(),
  tasks: z.array(TaskView),
  timeline: z.array(TimelineEntry),
  pauses: z.array(z.record(z.string(), z.unknown())),
  comments: z.array(z.object({ id: z.string(), taskId: z.string().optional(), userId: z.string(), kind: z.string(), text: z.string(), at: z.string() })),
  provenance: z.record(z.string(), z.object({
    origin: z.enum(['applicant', 'prefilled', 'prefilled-edited', 'clerk', 'service-task']),
    at: z.string(), by: z.string().optional(), connectorId: z.string().optional(), field: z.string().optional(),
    sourceAt: z.string().optional(), correlationId: z.string().optional(), taskId: z.string().optional(), jobId: z.string().optional(),
  })).describe('Where each value came from, by variable path: the applicant, a prefill (as is or edited), a clerk or a service task'),
});

/** How long an applicant has, by default, to supply a material accepted as missing (容缺). */
const DEFAULT_SUPPLEMENT_LIMIT = '5wd';
const LimitText = z.string().refine((text) => parseLimit(text).ok, 'A time limit such as 5wd, 16wh or 30cd');

function limitOf(text: string): Limit {
  const parsed = parseLimit(text);
  if (!parsed.ok) throw new Problem('request/invalid', `Not a time limit: ${text}`);
  return parsed.limit;
}

/** The engine's refusal of the materials, answered at the field it names. */
async function startChecked<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof RejectedCommandError && error.code === 'materials/invalid') {
      const path = String((error.details as { path?: unknown }).path ?? '');
      throw new Problem('request/invalid', error.message, { errors: [{ in: 'body', path, pointer: `/${path.split('.').join('/')}`, code: error.code, message: error.message }] });
    }
    throw error;
  }
}

/**
 * Applications: the front desk starts them (一窗受理) and resubmits them
 * after a correction; everyone in scope reads them, with personal data
 * masked for roles that do not handle them. An instance outside the
 * reader's scope answers 404, as if it did not exist.
 */
export function instanceRoutes(s: Services) {
  const instances = instanceQueries(s.db);
  const claims = taskClaims(s.db, s.audit);
  const comments = commentsTable(s.db);

  async function detail(id: string, user: Parameters<typeof readScope>[0]) {
    const scope = readScope(user);
    if (!instances.isVisible(id, scope)) throw new Problem('not-found', `No instance ${id}`);
    const instance = await s.store.getInstance(id);
    if (!instance) throw new Problem('not-found', `No instance ${id}`);
    const now = s.clock.now();
    const vars = (JSON.parse(instance.snapshot) as { context?: { vars?: Record<string, unknown> } }).context?.vars ?? {};
    const clear = seesClearData(user);
    const { masked, paths } = maskPersonalData(vars);
    if (clear && paths.length > 0) s.audit.append({ at: now.toISOString(), actor: user.id, action: 'personal-data.read', instanceId: id, details: { fields: paths } });
    const openPauses = (instance.pauses ?? []).filter((p) => p.to === undefined);
    const taskRows = await s.store.listTasks({ instanceId: id, limit: 500 });
    const seesAll = scope.tasks === 'all' || hasRole(user, 'frontdesk');
    const visibleTasks = seesAll ? taskRows : taskRows.filter((t) => t.department !== undefined && scope.tasks.includes(t.department));
    // A clerk sees the application's own steps and their departments' work, not other departments' opinions or clerks.
    const visibleIds = new Set(visibleTasks.map((t) => t.id));
    const aboutVisible = (taskId: string | undefined) => seesAll || taskId === undefined || visibleIds.has(taskId);
    return {
      ...instanceSummary(instance, now, s.calendar),
      variables: clear ? vars : masked, masked: !clear && paths.length > 0,
      tasks: visibleTasks.map((t) => taskView(t, { assignee: claims.holder(t.id), businessKey: instance.businessKey, openPauses }, now, s.calendar)),
      timeline: timeline(await s.store.listHistory(id)).filter((e) => aboutVisible(e.taskId)).slice(-500),
      pauses: [...(instance.pauses ?? [])],
      comments: comments.ofInstance(id).filter((c) => aboutVisible(c.taskId)),
      provenance: Object.fromEntries(s.provenance.of(id)),
    };
  }

  return [
    defineRoute({
      method: 'post', path: '/api/instances', tag: 'instances', access: ['frontdesk'],
      summary: 'Start an application (一窗受理) of the latest (or a given) version of a process',
      body: z.strictObject({
        processId: Id, version: z.number().int().min(1).optional(),
        businessKey: z.string().trim().min(1).max(100).optional(), variables: Variables.optional(),
        prefillId: z.uuid().optional().describe('The receipt of the start form\'s prefill: which values the server filled in'),
        missingMaterials: z.array(z.strictObject({
          material: z.string().trim().min(1).max(200),
          supplementWithin: LimitText.default(DEFAULT_SUPPLEMENT_LIMIT).describe('Working time the applicant has to supply it, e.g. 5wd'),
        })).max(100).optional().describe('容缺受理: materials accepted as missing; the application cannot finish until each is supplied or its deadline passes'),
        commitments: z.array(z.strictObject({
          material: z.string().trim().min(1).max(200), signedBy: z.string().trim().min(1).max(100), signedAt: z.iso.datetime({ offset: true }),
        })).max(100).optional().describe('告知承诺: commitments the applicant signed instead of a material'),
      }),
      responses: { 201: { description: 'Started', schema: InstanceDetail }, 404: { description: 'No such process or version' } },
      handler: async ({ body, user }) => {
        const prefilled = prefilledValues(s, body.prefillId, user, { processId: body.processId });
        const now = s.clock.now();
        const missingMaterials = (body.missingMaterials ?? []).map((m) => ({ material: m.material, dueAt: s.calendar.dueAt(now, limitOf(m.supplementWithin)).toISOString() }));
        // An unknown process or version is the runtime's NotFoundError: 404 not-found.
        const instance = await startChecked(() => s.runtime.start(body.processId, {
          variables: body.variables ?? {}, actor: { userId: user.id }, missingMaterials, commitments: body.commitments ?? [],
          ...(body.version !== undefined ? { version: body.version } : {}), ...(body.businessKey !== undefined ? { businessKey: body.businessKey } : {}),
        }));
        recordSubmission(s, { instanceId: instance.id, submitted: body.variables ?? {}, prefilled, before: {}, submitter: { kind: 'applicant', userId: user.id } });
        return json(201, await detail(instance.id, user), { Location: `/api/instances/${instance.id}` });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/instances', tag: 'instances', access: ['frontdesk', 'clerk', 'manager', 'admin'],
      summary: 'Applications in the reader\'s scope, newest first',
      query: PageQuery.extend({
        processId: Id.optional(), status: z.enum(['active', 'completed', 'terminated', 'failed']).optional(),
        q: z.string().trim().min(1).max(100).optional(),
      }),
      responses: { 200: { description: 'A page of applications', schema: pageSchema(InstanceSummary) } },
      handler: ({ query, user }) => {
        const { items, total } = instances.list({ scope: readScope(user), limit: query.limit, offset: query.offset,
          ...(query.processId ? { processId: query.processId } : {}), ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}) });
        const now = s.clock.now();
        return json(200, pageOf(items.map((i) => instanceSummary(i, now, s.calendar)), total, query));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/instances/:id', tag: 'instances', access: ['frontdesk', 'clerk', 'manager', 'admin'],
      summary: 'One application: variables (masked by role), tasks with deadlines, timeline, clock pauses, comments',
      params: IdParams,
      responses: { 200: { description: 'The application', schema: InstanceDetail }, 404: { description: 'No such application in your scope' } },
      handler: async ({ params, user }) => json(200, await detail(params.id, user)),
    }),
    defineRoute({
      method: 'post', path: '/api/instances/:id/resubmission', tag: 'instances', access: ['frontdesk'],
      summary: 'Resubmit after a correction (补正): the corrected data is saved and the clock runs again',
      params: IdParams,
      body: z.strictObject({ variables: Variables.optional(), comment: z.string().trim().min(1).max(2000).optional() }),
      responses: { 200: { description: 'Resubmitted', schema: InstanceDetail }, 404: { description: 'No such application' }, 409: { description: 'Not waiting for a correction' } },
      handler: async ({ params, body, user }) => {
        await s.lanes.run(params.id, async () => {
          const instance = await s.store.getInstance(params.id);
          if (!instance) throw new Problem('not-found', `No instance ${params.id}`);
          const pause = instance.pauses?.find((p) => p.kind === 'correction' && p.to === undefined);
          if (!pause || instance.status !== 'active') throw new Problem('command/rejected', 'The application is not waiting for a correction');
          const actor = { userId: user.id };
          if (body.variables && Object.keys(body.variables).length > 0) {
            const before = await s.runtime.getVariables(params.id);
            await s.runtime.updateVariables(params.id, body.variables, actor);
            recordSubmission(s, { instanceId: params.id, submitted: body.variables, prefilled: [], before, submitter: { kind: 'applicant', userId: user.id } });
          }
          await s.runtime.resumeClock(params.id, pause.id, actor);
          if (body.comment) comments.add({ instanceId: params.id, userId: user.id, kind: 'comment', text: body.comment, at: s.clock.now().toISOString() });
        });
        return json(200, await detail(params.id, user));
      },
    }),
  ];
}
