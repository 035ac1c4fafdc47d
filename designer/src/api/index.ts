import { ApiClient } from './client';
import type { DefinitionSummary, Department, DeployResult, Page, SessionView } from './types';

export { ApiClient } from './client';
export { ApiError } from './problem';
export type { FieldProblem, ProblemBody } from './problem';
export type * from './types';

/** The server's API, one function per route the designer uses. */
export function createApi(client: ApiClient) {
  return {
    client,
    signIn: (username: string, password: string) =>
      client.json<SessionView>('/api/session', { method: 'POST', json: { username, password } }),
    session: () => client.json<SessionView>('/api/session'),
    signOut: () => client.request('/api/session', { method: 'DELETE' }),
    departments: () => client.json<{ items: Department[] }>('/api/departments').then((r) => r.items),
    definitions: () => client.json<Page<DefinitionSummary>>('/api/definitions?limit=100').then((r) => r.items),
    versions: (processId: string) =>
      client.json<{ items: DefinitionSummary[] }>(`/api/definitions/${encodeURIComponent(processId)}/versions`).then((r) => r.items),
    bpmn: (processId: string, version: number) =>
      client.text(`/api/definitions/${encodeURIComponent(processId)}/versions/${version}/bpmn`, { accept: 'application/xml' }),
    deploy: (xml: string) =>
      client.json<DeployResult>('/api/definitions', { method: 'POST', body: xml, contentType: 'application/xml' }),
  };
}

export type Api = ReturnType<typeof createApi>;
