import { z } from 'zod';
import { analyseDesign, type Problem as EngineProblem } from '@tongban/engine';
import type { Services } from '../app/services.js';
import { definitionsQuery, type ParsePool } from '../definitions/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { Id, PageQuery, pageOf, pageSchema } from './common.js';

/** The engine refuses larger documents; the body limit says so before reading them. */
export const BPMN_BODY_LIMIT = 5 * 1024 * 1024;

const Summary = z.object({ processId: z.string(), version: z.number().int(), name: z.string().optional(), deployedAt: z.string() });
const EngineProblemView = z.object({
  code: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), messageEn: z.string(),
  elementId: z.string().optional(), line: z.number().int().optional(), column: z.number().int().optional(),
});
const VersionParams = z.object({ processId: Id, version: z.coerce.number().int().min(1) });

/**
 * Process definitions: an upload is checked on the parse worker (parse,
 * lint, compile, analyse); with an error it is refused with every problem
 * and the element it is about; without, each executable process in it
 * becomes a new immutable version.
 */
export function definitionRoutes(s: Services, pool: ParsePool) {
  const query = definitionsQuery(s.db);
  return [
    defineRoute({
      method: 'post', path: '/api/definitions', tag: 'definitions', access: ['designer', 'admin'],
      summary: 'Upload a BPMN document: lint, analyse and deploy each process in it as a new version',
      bodyType: 'xml', bodyLimit: BPMN_BODY_LIMIT,
      responses: {
        201: { description: 'Deployed', schema: z.object({ deployed: z.array(Summary), warnings: z.array(EngineProblemView), analysis: z.array(z.record(z.string(), z.unknown())) }) },
        413: { description: 'Over 5 MiB' }, 415: { description: 'Not XML' }, 422: { description: 'The document has errors; nothing was deployed' },
      },
      handler: async ({ body, user }) => {
        const check = await pool.check(body as unknown as string);
        if (!check.ok || check.processes.length === 0) {
          const problems: readonly EngineProblem[] = check.processes.length === 0 && check.ok
            ? [{ code: 'definition/no-executable-process', severity: 'error', message: '文档中没有可执行的流程（isExecutable="true"）', messageEn: 'The document has no executable process (isExecutable="true")' }]
            : check.problems;
          throw new Problem('process/invalid', `${problems.filter((p) => p.severity === 'error').length} error(s); nothing was deployed`, {
            errors: problems.filter((p) => p.severity === 'error').map((p) => ({
              in: 'body', path: p.elementId ?? '', pointer: '/', code: p.code, message: p.message, messageEn: p.messageEn,
              ...(p.elementId !== undefined ? { elementId: p.elementId } : {}), ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}),
            })),
          });
        }
        const at = s.clock.now().toISOString();
        const deployed = [];
        for (const p of check.processes) {
          deployed.push(await s.store.deployDefinition({ processId: p.processId, xml: body as unknown as string, deployedAt: at, ...(p.name !== undefined ? { name: p.name } : {}) }));
        }
        s.audit.append({ at, actor: user.id, action: 'definition.upload', details: { versions: deployed.map((d) => `${d.processId}@${d.version}`) } });
        return json(201, {
          deployed: deployed.map(({ xml: _xml, ...rest }) => rest),
          warnings: check.problems.filter((p) => p.severity === 'warning'),
          analysis: check.processes.map((p) => p.analysis),
        });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/definitions', tag: 'definitions', access: 'signedIn',
      summary: 'The latest version of each process',
      query: PageQuery,
      responses: { 200: { description: 'A page of processes', schema: pageSchema(Summary) } },
      handler: ({ query: page }) => {
        const { items, total } = query.latest(page);
        return json(200, pageOf(items, total, page));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/definitions/:processId/versions', tag: 'definitions', access: 'signedIn',
      summary: 'Every version of a process, newest first',
      params: z.object({ processId: Id }),
      responses: { 200: { description: 'Versions', schema: z.object({ items: z.array(Summary) }) }, 404: { description: 'No such process' } },
      handler: ({ params }) => {
        const items = query.versions(params.processId);
        if (items.length === 0) throw new Problem('not-found', `No process ${params.processId}`);
        return json(200, { items });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/definitions/:processId/versions/:version/bpmn', tag: 'definitions', access: ['designer', 'admin'],
      summary: 'Download the BPMN document of a version',
      params: VersionParams,
      responses: { 200: { description: 'The BPMN XML as deployed', contentType: 'application/xml' }, 404: { description: 'No such version' } },
      handler: async ({ params }) => {
        const record = await s.store.getDefinition(params.processId, params.version);
        if (!record) throw new Problem('not-found', `No version ${params.version} of ${params.processId}`);
        return { status: 200, text: record.xml, contentType: 'application/xml', headers: { 'Content-Disposition': `attachment; filename="${record.processId}-v${record.version}.bpmn"` } };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/definitions/:processId/versions/:version/analysis', tag: 'definitions', access: ['designer', 'manager', 'admin'],
      summary: 'The design analysis of a version: legal serial time, promised parallel time, critical path, per department',
      params: VersionParams,
      responses: { 200: { description: 'Design analysis', schema: z.record(z.string(), z.unknown()) }, 404: { description: 'No such version' } },
      handler: async ({ params }) => {
        const process = await s.runtime.processFor(params.processId, params.version).catch(() => undefined);
        if (!process) throw new Problem('not-found', `No version ${params.version} of ${params.processId}`);
        return json(200, analyseDesign(process.model));
      },
    }),
  ];
}
