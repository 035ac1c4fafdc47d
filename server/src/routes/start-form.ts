import { z } from 'zod';
import type { Services } from '../app/services.js';
import { seesClearData } from '../access/index.js';
import { startEventOf } from '../connectors/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { Id } from './common.js';
import { abortOnDisconnect, FormPrefillView, prefillView } from './prefill-view.js';
import { Variables } from './variables.js';

const Binding = z.object({ connectorId: z.string(), connectorName: z.string(), input: z.string().optional(), fields: z.string().optional(), configured: z.boolean() });
const StartForm = z.object({ processId: z.string(), version: z.number().int(), form: z.string().optional(), bindings: z.array(Binding) });

/**
 * The front desk's start form (一窗受理): which form the process's start
 * event names and which connectors prefill it; and the prefill itself,
 * called with what the clerk has typed so far (usually the applicant's
 * 公民身份号码 or 统一社会信用代码).
 */
export function startFormRoutes(s: Services) {
  async function startOf(processId: string, version: number | undefined) {
    const process = await s.runtime.processFor(processId, version).catch(() => undefined);
    if (!process) throw new Problem('not-found', `No process ${processId}${version !== undefined ? ` version ${version}` : ''}`);
    const start = startEventOf(process.model.scope);
    return { process, start };
  }

  return [
    defineRoute({
      method: 'get', path: '/api/definitions/:processId/start-form', tag: 'definitions', access: ['frontdesk', 'designer', 'admin'],
      summary: 'The start form of the latest (or a given) version and the connectors that prefill it',
      params: z.object({ processId: Id }),
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      responses: { 200: { description: 'The start form', schema: StartForm }, 404: { description: 'No such process or version' } },
      handler: async ({ params, query }) => {
        const { process, start } = await startOf(params.processId, query.version);
        return json(200, {
          processId: params.processId, version: process.version, ...(start?.form !== undefined ? { form: start.form } : {}),
          bindings: (start?.prefill ?? []).map((b) => {
            const entry = s.connectors.get(b.connector);
            return { connectorId: b.connector, connectorName: entry?.connector.name ?? b.connector, configured: entry !== undefined, ...(b.input !== undefined ? { input: b.input } : {}), ...(b.fields !== undefined ? { fields: b.fields } : {}) };
          }),
        });
      },
    }),
    defineRoute({
      method: 'post', path: '/api/definitions/:processId/start-form/prefill', tag: 'definitions', access: ['frontdesk'],
      summary: 'Prefill the start form from shared data: every bound connector at once, under one deadline; failed sources are listed and their fields stay editable',
      params: z.object({ processId: Id }),
      body: z.strictObject({ version: z.number().int().min(1).optional(), variables: Variables.default({}) }),
      responses: { 200: { description: 'The prefilled form', schema: FormPrefillView }, 404: { description: 'No such process or version' } },
      handler: async ({ params, body, user, ctx }) => {
        const { start } = await startOf(params.processId, body.version);
        const prefill = await s.prefill({
          userId: user.id, processId: params.processId, bindings: start?.prefill ?? [], variables: body.variables, signal: abortOnDisconnect(ctx),
          ...(start?.form !== undefined ? { form: start.form } : {}),
        });
        return json(200, prefillView(prefill, s.connectors, seesClearData(user)));
      },
    }),
  ];
}
