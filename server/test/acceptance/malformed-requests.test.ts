/**
 * Acceptance: malformed requests. Wrong types, missing and unknown fields,
 * bodies that are not JSON objects, bad query parameters, unknown ids, a
 * 50 MiB body, hostile BPMN uploads and wrong content types: each is
 * answered with a 4xx `application/problem+json` (with `type`, `title`,
 * `status`, `code`, `instance`, and for a 400 the path of every wrong field
 * in `errors[]`), never a 5xx, and nothing is written: the counts and the
 * changeable columns of the guarded tables are the same after the request,
 * and the audit trail gains no record.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type ApiResponse, type TestServer } from '../support/harness.js';
import {
  bpmnDocument, DatabaseWatch, enc, expectProblem, lazyBody, rawRequest, rawSignIn, startApplication, taskOf, uniqueKey, validBpmn,
  type Application, type ProblemBody, type Session,
} from '../support/acceptance.js';

type Signed = 'anonymous' | 'admin' | 'designer' | 'frontdesk' | 'manager' | 'clerk-market';
type Location = 'body' | 'query' | 'params';

interface Fixtures {
  /** A forked application; its market task stays open through every case. */
  readonly app: Application;
  /** An account the cases aim changes at (none of which may land). */
  readonly userId: string;
  /** A fresh forked application, for a case that would change it if the server accepted the request. */
  fresh(): Promise<Application>;
}

interface Case {
  readonly name: string;
  readonly as: Signed;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string | ((f: Fixtures) => string | Promise<string>);
  /** Serialised as JSON with `application/json`. */
  readonly json?: unknown;
  /** Sent as is, with `contentType` (none when undefined). */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body produced lazily: `bytes` long, with its length declared, or chunked without one. */
  readonly stream?: { readonly bytes: number; readonly contentType: string; readonly chunked?: boolean };
  readonly status: number;
  readonly code?: string;
  /** For a 400: exactly these field problems, by location and dotted path. */
  readonly errors?: readonly (readonly [Location, string])[];
  /** For a 422: the engine problem codes expected among `errors[]`, and the elements they are about. */
  readonly problemCodes?: readonly string[];
  readonly elementIds?: readonly string[];
}

const MiB = 1024 * 1024;
const task = (department: string, action = '') => (f: Fixtures) => `/api/tasks/${enc(taskOf(f.app, department).id)}${action}`;
const freshTask = (action: string) => async (f: Fixtures) => `/api/tasks/${enc(taskOf(await f.fresh(), 'market').id)}${action}`;
const user = (f: Fixtures) => `/api/users/${f.userId}`;
const validUser = { username: 'acceptance-new', displayName: '新账号', password: 'long-enough-password', roles: ['clerk'], departments: ['bank'] };
const start = { processId: 'open_company' };

/** A billion-laughs document: ten levels of ten entity references. */
const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:x"><bpmn:process id="lolz" isExecutable="true"><bpmn:documentation>&lol9;</bpmn:documentation></bpmn:process></bpmn:definitions>`;
const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:x"><bpmn:process id="xxe" isExecutable="true"><bpmn:documentation>&xxe;</bpmn:documentation></bpmn:process></bpmn:definitions>`;
const DEEP = bpmnDocument('deep_process', `<bpmn:extensionElements>${'<x:n xmlns:x="urn:x">'.repeat(200)}${'</x:n>'.repeat(200)}</bpmn:extensionElements>`);
const ELEMENT_BOMB = bpmnDocument('bomb_process', '<bpmn:documentation/>'.repeat(60_000));
const UNKNOWN_ELEMENT = bpmnDocument('unknown_process', '<bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>'
  + '<bpmn:teleportTask id="Task_teleport" name="传送"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:teleportTask>'
  + '<bpmn:endEvent id="End" name="结束"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>'
  + '<bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_teleport"/><bpmn:sequenceFlow id="Flow_2" sourceRef="Task_teleport" targetRef="End"/>');
/** A user task with no time limit: the Tongban lint rule refuses it, about that element. */
const LINT_ERROR = validBpmn('lint_process', { taskAttributes: '' });
const NOT_EXECUTABLE = validBpmn('not_executable').replace('isExecutable="true"', 'isExecutable="false"');
/** Valid, but padded past 5 MiB with a comment. */
const VALID_OVER_5_MIB = validBpmn('huge_process', { padding: `<!--${'x'.repeat(5 * MiB + 1024)}-->` });

const CASES: readonly Case[] = [
  // --- POST /api/instances: every body field with a wrong type or value
  { name: 'start: processId a number', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { processId: 42 }, status: 400, errors: [['body', 'processId']] },
  { name: 'start: processId missing', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { businessKey: 'K-1' }, status: 400, errors: [['body', 'processId']] },
  { name: 'start: processId empty', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { processId: '' }, status: 400, errors: [['body', 'processId']] },
  { name: 'start: processId with forbidden characters', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { processId: 'open company; DROP TABLE' }, status: 400, errors: [['body', 'processId']] },
  { name: 'start: version a string', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, version: 'one' }, status: 400, errors: [['body', 'version']] },
  { name: 'start: version 0', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, version: 0 }, status: 400, errors: [['body', 'version']] },
  { name: 'start: version a fraction', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, version: 1.5 }, status: 400, errors: [['body', 'version']] },
  { name: 'start: businessKey a number', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, businessKey: 7 }, status: 400, errors: [['body', 'businessKey']] },
  { name: 'start: businessKey blank', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, businessKey: '   ' }, status: 400, errors: [['body', 'businessKey']] },
  { name: 'start: businessKey over 100 characters', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, businessKey: 'K'.repeat(101) }, status: 400, errors: [['body', 'businessKey']] },
  { name: 'start: variables an array', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, variables: [1, 2] }, status: 400, errors: [['body', 'variables']] },
  { name: 'start: variables a string', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, variables: 'companyName=x' }, status: 400, errors: [['body', 'variables']] },
  { name: 'start: a variable name starting with a digit', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, variables: { '1st': 'x' } }, status: 400, errors: [['body', 'variables.1st']] },
  { name: 'start: variables over 256 KiB', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, variables: { blob: 'x'.repeat(300 * 1024) } }, status: 400, errors: [['body', 'variables']] },
  { name: 'start: variables nested 3,000 deep', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: `{"processId":"open_company","variables":{"a":${'['.repeat(3000)}${']'.repeat(3000)}}}`, contentType: 'application/json', status: 400, errors: [['body', 'variables']] },
  { name: 'start: variables nested 100,000 deep', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: `{"processId":"open_company","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, contentType: 'application/json', status: 400, errors: [['body', 'variables']] },
  { name: 'start: an unknown extra field', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, priority: 'high' }, status: 400, errors: [['body', '']] },
  { name: 'start: an unknown process', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { processId: 'no_such_process' }, status: 404, code: 'not-found' },
  { name: 'start: an unknown version', as: 'frontdesk', method: 'POST', path: '/api/instances', json: { ...start, version: 99 }, status: 404, code: 'not-found' },
  { name: 'start: invalid JSON', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: '{"processId": "open_company",', contentType: 'application/json', status: 400, code: 'request/malformed-json', errors: [['body', '']] },
  { name: 'start: a JSON array', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: '[{"processId":"open_company"}]', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'start: a JSON string', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: '"open_company"', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'start: a JSON number', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: '42', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'start: text/plain', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: JSON.stringify(start), contentType: 'text/plain', status: 415, code: 'request/unsupported-media-type' },
  { name: 'start: a form post', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: 'processId=open_company', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'request/unsupported-media-type' },
  { name: 'start: a body without a content type', as: 'frontdesk', method: 'POST', path: '/api/instances', raw: JSON.stringify(start), status: 415, code: 'request/unsupported-media-type' },
  { name: 'start: a 50 MiB body with its length declared', as: 'frontdesk', method: 'POST', path: '/api/instances', stream: { bytes: 50 * MiB, contentType: 'application/json' }, status: 413, code: 'request/too-large' },
  { name: 'start: a 2 MiB chunked body (no declared length)', as: 'frontdesk', method: 'POST', path: '/api/instances', stream: { bytes: 2 * MiB, contentType: 'application/json', chunked: true }, status: 413, code: 'request/too-large' },

  // --- POST /api/users
  { name: 'create user: username a number', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, username: 5 }, status: 400, errors: [['body', 'username']] },
  { name: 'create user: username with capitals and a space', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, username: 'Bad Name' }, status: 400, errors: [['body', 'username']] },
  { name: 'create user: username one character', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, username: 'a' }, status: 400, errors: [['body', 'username']] },
  { name: 'create user: displayName an array', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, displayName: ['张', '三'] }, status: 400, errors: [['body', 'displayName']] },
  { name: 'create user: password too short', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, password: 'short' }, status: 400, errors: [['body', 'password']] },
  { name: 'create user: password a number', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, password: 12345678 }, status: 400, errors: [['body', 'password']] },
  { name: 'create user: roles a string', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, roles: 'admin' }, status: 400, errors: [['body', 'roles']] },
  { name: 'create user: an unknown role', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, roles: ['clerk', 'superuser'] }, status: 400, errors: [['body', 'roles.1']] },
  { name: 'create user: no role', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, roles: [] }, status: 400, errors: [['body', 'roles']] },
  { name: 'create user: departments a string', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, departments: 'bank' }, status: 400, errors: [['body', 'departments']] },
  { name: 'create user: an unknown department', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, departments: ['no-such-department'] }, status: 400, errors: [['body', 'departments']] },
  { name: 'create user: every required field missing', as: 'admin', method: 'POST', path: '/api/users', json: {}, status: 400, errors: [['body', 'username'], ['body', 'displayName'], ['body', 'password'], ['body', 'roles']] },
  { name: 'create user: an unknown extra field', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, isSuperuser: true }, status: 400, errors: [['body', '']] },
  { name: 'create user: a taken username', as: 'admin', method: 'POST', path: '/api/users', json: { ...validUser, username: 'clerk-market' }, status: 409, code: 'conflict' },

  // --- PATCH /api/users/:id
  { name: 'change user: nothing to change', as: 'admin', method: 'PATCH', path: user, json: {}, status: 400, errors: [['body', '']] },
  { name: 'change user: JSON null', as: 'admin', method: 'PATCH', path: user, raw: 'null', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'change user: disabled a string', as: 'admin', method: 'PATCH', path: user, json: { disabled: 'yes' }, status: 400, errors: [['body', 'disabled']] },
  { name: 'change user: a role a number', as: 'admin', method: 'PATCH', path: user, json: { roles: ['clerk', 42] }, status: 400, errors: [['body', 'roles.1']] },
  { name: 'change user: password too short', as: 'admin', method: 'PATCH', path: user, json: { password: 'short' }, status: 400, errors: [['body', 'password']] },
  { name: 'change user: an empty department id', as: 'admin', method: 'PATCH', path: user, json: { departments: [''] }, status: 400, errors: [['body', 'departments.0']] },
  { name: 'change user: displayName blank', as: 'admin', method: 'PATCH', path: user, json: { displayName: '  ' }, status: 400, errors: [['body', 'displayName']] },
  { name: 'change user: the username (not changeable)', as: 'admin', method: 'PATCH', path: user, json: { username: 'renamed' }, status: 400, errors: [['body', '']] },
  { name: 'change user: an unknown department', as: 'admin', method: 'PATCH', path: user, json: { departments: ['atlantis'] }, status: 400, errors: [['body', 'departments']] },
  { name: 'change user: an unknown id', as: 'admin', method: 'PATCH', path: '/api/users/no-such-user', json: { displayName: '改名' }, status: 404, code: 'not-found' },
  { name: 'change user: an id with a space', as: 'admin', method: 'PATCH', path: '/api/users/bad%20id', json: { displayName: '改名' }, status: 400, errors: [['params', 'id']] },
  { name: 'change user: an id over 300 characters', as: 'admin', method: 'PATCH', path: `/api/users/${'u'.repeat(301)}`, json: { displayName: '改名' }, status: 400, errors: [['params', 'id']] },

  // --- PUT /api/departments/:id
  { name: 'department: name a number', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { name: 5 }, status: 400, errors: [['body', 'name']] },
  { name: 'department: name missing', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { nameEn: 'Dept' }, status: 400, errors: [['body', 'name']] },
  { name: 'department: nameEn blank', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { name: '部门', nameEn: ' ' }, status: 400, errors: [['body', 'nameEn']] },
  { name: 'department: name over 100 characters', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { name: '部'.repeat(101) }, status: 400, errors: [['body', 'name']] },
  { name: 'department: an id with forbidden characters', as: 'admin', method: 'PUT', path: '/api/departments/bad%20id!', json: { name: '部门' }, status: 400, errors: [['params', 'id']] },
  { name: 'department: an unknown extra field', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { name: '部门', head: '张三' }, status: 400, errors: [['body', '']] },
  { name: 'department: a JSON array', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', raw: '[]', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'department: text/plain', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', raw: '{"name":"部门"}', contentType: 'text/plain', status: 415, code: 'request/unsupported-media-type' },
  { name: 'department: a body over 1 MiB', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', raw: JSON.stringify({ name: 'x'.repeat(MiB + 10) }), contentType: 'application/json', status: 413, code: 'request/too-large' },

  // --- task actions (the clerk of the task's own department)
  { name: 'complete: outcome not approve/reject', as: 'clerk-market', method: 'POST', path: task('market', '/complete'), json: { outcome: 'maybe' }, status: 400, errors: [['body', 'outcome']] },
  { name: 'complete: variables a string', as: 'clerk-market', method: 'POST', path: task('market', '/complete'), json: { variables: 'approved' }, status: 400, errors: [['body', 'variables']] },
  { name: 'complete: comment a number', as: 'clerk-market', method: 'POST', path: task('market', '/complete'), json: { comment: 5 }, status: 400, errors: [['body', 'comment']] },
  { name: 'complete: comment blank', as: 'clerk-market', method: 'POST', path: task('market', '/complete'), json: { comment: '   ' }, status: 400, errors: [['body', 'comment']] },
  { name: 'complete: an unknown extra field', as: 'clerk-market', method: 'POST', path: task('market', '/complete'), json: { approvedBy: 'me' }, status: 400, errors: [['body', '']] },
  { name: 'complete: JSON null', as: 'clerk-market', method: 'POST', path: freshTask('/complete'), raw: 'null', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'complete: JSON true', as: 'clerk-market', method: 'POST', path: freshTask('/complete'), raw: 'true', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'complete: an unknown task', as: 'clerk-market', method: 'POST', path: `/api/tasks/${enc('no-such-instance/Task_market/1')}/complete`, json: {}, status: 404, code: 'not-found' },
  { name: 'return: reasons missing', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { comment: '请补正' }, status: 400, errors: [['body', 'reasons']] },
  { name: 'return: no reason', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: [] }, status: 400, errors: [['body', 'reasons']] },
  { name: 'return: a reason with a blank message', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: [{ message: ' ' }] }, status: 400, errors: [['body', 'reasons.0.message']] },
  { name: 'return: a reason whose field is a number', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: [{ message: '名称有误' }, { field: 1, message: '地址有误' }] }, status: 400, errors: [['body', 'reasons.1.field']] },
  { name: 'return: a reason with an unknown field', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: [{ message: '名称有误', severity: 'high' }] }, status: 400, errors: [['body', 'reasons.0']] },
  { name: 'return: reasons an object', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: { message: '名称有误' } }, status: 400, errors: [['body', 'reasons']] },
  { name: 'return: comment a number', as: 'clerk-market', method: 'POST', path: task('market', '/return-for-correction'), json: { reasons: [{ message: '名称有误' }], comment: 3 }, status: 400, errors: [['body', 'comment']] },
  { name: 'reject: reason missing', as: 'clerk-market', method: 'POST', path: task('market', '/reject'), json: {}, status: 400, errors: [['body', 'reason']] },
  { name: 'reject: reason a number', as: 'clerk-market', method: 'POST', path: task('market', '/reject'), json: { reason: 42 }, status: 400, errors: [['body', 'reason']] },
  { name: 'reject: reason over 2000 characters', as: 'clerk-market', method: 'POST', path: task('market', '/reject'), json: { reason: '否'.repeat(2001) }, status: 400, errors: [['body', 'reason']] },
  { name: 'reject: no body at all', as: 'clerk-market', method: 'POST', path: task('market', '/reject'), status: 400, errors: [['body', 'reason']] },
  { name: 'comment: text missing', as: 'clerk-market', method: 'POST', path: task('market', '/comments'), json: {}, status: 400, errors: [['body', 'text']] },
  { name: 'comment: text an object', as: 'clerk-market', method: 'POST', path: task('market', '/comments'), json: { text: { zh: '意见' } }, status: 400, errors: [['body', 'text']] },
  { name: 'comment: text over 2000 characters', as: 'clerk-market', method: 'POST', path: task('market', '/comments'), json: { text: '意'.repeat(2001) }, status: 400, errors: [['body', 'text']] },
  { name: 'comment: JSON null', as: 'clerk-market', method: 'POST', path: task('market', '/comments'), raw: 'null', contentType: 'application/json', status: 400, errors: [['body', '']] },
  { name: 'comment: XML to a JSON route', as: 'clerk-market', method: 'POST', path: task('market', '/comments'), raw: '<text>意见</text>', contentType: 'application/xml', status: 415, code: 'request/unsupported-media-type' },
  { name: 'claim: an unknown task', as: 'clerk-market', method: 'POST', path: `/api/tasks/${enc('no-such-instance/Task_market/1')}/claim`, status: 404, code: 'not-found' },
  { name: 'resubmission: variables a number', as: 'frontdesk', method: 'POST', path: (f) => `/api/instances/${f.app.instanceId}/resubmission`, json: { variables: 7 }, status: 400, errors: [['body', 'variables']] },
  { name: 'resubmission: comment blank', as: 'frontdesk', method: 'POST', path: (f) => `/api/instances/${f.app.instanceId}/resubmission`, json: { comment: '' }, status: 400, errors: [['body', 'comment']] },
  { name: 'resubmission: an unknown extra field', as: 'frontdesk', method: 'POST', path: (f) => `/api/instances/${f.app.instanceId}/resubmission`, json: { applicant: '王五' }, status: 400, errors: [['body', '']] },
  { name: 'resubmission: not waiting for a correction', as: 'frontdesk', method: 'POST', path: (f) => `/api/instances/${f.app.instanceId}/resubmission`, json: { comment: '已补正' }, status: 409, code: 'command/rejected' },
  { name: 'resubmission: an unknown application', as: 'frontdesk', method: 'POST', path: '/api/instances/no-such-instance/resubmission', json: {}, status: 404, code: 'not-found' },

  // --- query parameters
  { name: 'tasks: limit=0', as: 'clerk-market', method: 'GET', path: '/api/tasks?limit=0', status: 400, errors: [['query', 'limit']] },
  { name: 'tasks: limit=1000', as: 'clerk-market', method: 'GET', path: '/api/tasks?limit=1000', status: 400, errors: [['query', 'limit']] },
  { name: 'tasks: offset=-1', as: 'clerk-market', method: 'GET', path: '/api/tasks?offset=-1', status: 400, errors: [['query', 'offset']] },
  { name: 'tasks: limit not a number', as: 'clerk-market', method: 'GET', path: '/api/tasks?limit=ten', status: 400, errors: [['query', 'limit']] },
  { name: 'tasks: limit given twice', as: 'clerk-market', method: 'GET', path: '/api/tasks?limit=1&limit=2', status: 400, errors: [['query', 'limit']] },
  { name: 'tasks: an unknown view', as: 'clerk-market', method: 'GET', path: '/api/tasks?view=everything', status: 400, errors: [['query', 'view']] },
  { name: 'tasks: an unknown status', as: 'clerk-market', method: 'GET', path: '/api/tasks?status=done', status: 400, errors: [['query', 'status']] },
  { name: 'tasks: an unknown light', as: 'clerk-market', method: 'GET', path: '/api/tasks?light=blue', status: 400, errors: [['query', 'light']] },
  { name: 'tasks: two bad parameters', as: 'clerk-market', method: 'GET', path: '/api/tasks?limit=0&view=x', status: 400, errors: [['query', 'limit'], ['query', 'view']] },
  { name: 'instances: an unknown status', as: 'manager', method: 'GET', path: '/api/instances?status=paused', status: 400, errors: [['query', 'status']] },
  { name: 'instances: an empty search', as: 'manager', method: 'GET', path: '/api/instances?q=%20', status: 400, errors: [['query', 'q']] },
  { name: 'instances: limit a fraction', as: 'manager', method: 'GET', path: '/api/instances?limit=1.5', status: 400, errors: [['query', 'limit']] },
  { name: 'instances: a processId with forbidden characters', as: 'manager', method: 'GET', path: '/api/instances?processId=a%20b', status: 400, errors: [['query', 'processId']] },
  { name: 'users: an unknown role', as: 'admin', method: 'GET', path: '/api/users?role=king', status: 400, errors: [['query', 'role']] },
  { name: 'definitions: offset not a number', as: 'designer', method: 'GET', path: '/api/definitions?offset=x', status: 400, errors: [['query', 'offset']] },
  { name: 'incidents: an unknown status', as: 'admin', method: 'GET', path: '/api/incidents?status=closed', status: 400, errors: [['query', 'status']] },
  { name: 'reports: limit over the report page', as: 'manager', method: 'GET', path: '/api/reports/processes?limit=21', status: 400, errors: [['query', 'limit']] },
  { name: 'reports: from not a date', as: 'manager', method: 'GET', path: '/api/reports/processes/open_company?from=yesterday', status: 400, errors: [['query', 'from']] },
  { name: 'reports: an unknown CSV row kind', as: 'manager', method: 'GET', path: '/api/reports/processes/open_company/export.csv?rows=weeks', status: 400, errors: [['query', 'rows']] },
  { name: 'audit: limit=0', as: 'admin', method: 'GET', path: '/api/audit?limit=0', status: 400, errors: [['query', 'limit']] },
  { name: 'audit: to not a date', as: 'admin', method: 'GET', path: '/api/audit?to=2026-13-45', status: 400, errors: [['query', 'to']] },
  { name: 'calendar: a year before 2000', as: 'designer', method: 'GET', path: '/api/calendar?year=1999', status: 400, errors: [['query', 'year']] },

  // --- params and unknown ids
  { name: 'calendar override: 30 February', as: 'admin', method: 'PUT', path: '/api/calendar/overrides/2026-02-30', json: { working: true }, status: 400, errors: [['params', 'date']] },
  { name: 'calendar override: working a string', as: 'admin', method: 'PUT', path: '/api/calendar/overrides/2031-03-03', json: { working: 'yes' }, status: 400, errors: [['body', 'working']] },
  { name: 'calendar override: removing one that does not exist', as: 'admin', method: 'DELETE', path: '/api/calendar/overrides/2031-03-04', status: 404, code: 'not-found' },
  { name: 'an unknown application', as: 'manager', method: 'GET', path: '/api/instances/no-such-instance', status: 404, code: 'not-found' },
  { name: 'an unknown task', as: 'manager', method: 'GET', path: `/api/tasks/${enc('no-such-instance/Task_x/1')}`, status: 404, code: 'not-found' },
  { name: 'an unknown process', as: 'designer', method: 'GET', path: '/api/definitions/no_such_process/versions', status: 404, code: 'not-found' },
  { name: 'an unknown version', as: 'designer', method: 'GET', path: '/api/definitions/open_company/versions/99/bpmn', status: 404, code: 'not-found' },
  { name: 'version 0', as: 'designer', method: 'GET', path: '/api/definitions/open_company/versions/0/analysis', status: 400, errors: [['params', 'version']] },
  { name: 'version not a number', as: 'designer', method: 'GET', path: '/api/definitions/open_company/versions/latest/bpmn', status: 400, errors: [['params', 'version']] },
  { name: 'an unknown incident', as: 'admin', method: 'POST', path: '/api/incidents/no-such-incident/retry', status: 404, code: 'not-found' },
  { name: 'a report of an unknown process', as: 'manager', method: 'GET', path: '/api/reports/processes/no_such_process', status: 404, code: 'not-found' },
  { name: 'a CSV of an unknown process', as: 'manager', method: 'GET', path: '/api/reports/processes/no_such_process/export.csv', status: 404, code: 'not-found' },
  { name: 'an unknown endpoint', as: 'admin', method: 'GET', path: '/api/no-such-endpoint', status: 404, code: 'route/not-found' },
  { name: 'a method the endpoint does not support', as: 'admin', method: 'DELETE', path: '/api/tasks', status: 405, code: 'method/not-allowed' },

  // --- sessions
  { name: 'a session cookie that is not valid percent-encoding', as: 'anonymous', method: 'GET', path: '/api/session', headers: { cookie: 'tongban_session=%E0%A4%A' }, status: 401, code: 'session/required' },
  { name: 'a session cookie that is no session', as: 'anonymous', method: 'GET', path: '/api/tasks', headers: { cookie: 'tongban_session=forged-token' }, status: 401, code: 'session/required' },
  { name: 'a state change without the CSRF header', as: 'admin', method: 'PUT', path: '/api/departments/acceptance-dept', json: { name: '部门' }, headers: { 'x-csrf-token': '' }, status: 403, code: 'csrf/rejected' },

  // --- sign-in (refused before any password is checked)
  { name: 'sign-in: username a number', as: 'anonymous', method: 'POST', path: '/api/session', json: { username: 1, password: 'tongban' }, status: 400, errors: [['body', 'username']] },
  { name: 'sign-in: password missing', as: 'anonymous', method: 'POST', path: '/api/session', json: { username: 'admin' }, status: 400, errors: [['body', 'password']] },
  { name: 'sign-in: an unknown extra field', as: 'anonymous', method: 'POST', path: '/api/session', json: { username: 'admin', password: 'tongban', remember: true }, status: 400, errors: [['body', '']] },

  // --- BPMN uploads
  { name: 'upload: JSON to the BPMN route', as: 'designer', method: 'POST', path: '/api/definitions', raw: JSON.stringify({ xml: validBpmn('json_wrapped') }), contentType: 'application/json', status: 415, code: 'request/unsupported-media-type' },
  { name: 'upload: text/plain', as: 'designer', method: 'POST', path: '/api/definitions', raw: validBpmn('plain_text'), contentType: 'text/plain', status: 415, code: 'request/unsupported-media-type' },
  { name: 'upload: no body', as: 'designer', method: 'POST', path: '/api/definitions', contentType: 'application/xml', status: 400, errors: [['body', '']] },
  { name: 'upload: not XML', as: 'designer', method: 'POST', path: '/api/definitions', raw: 'this is not a BPMN document', contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/malformed'] },
  { name: 'upload: binary bytes', as: 'designer', method: 'POST', path: '/api/definitions', raw: Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00, 0x3f, 0x80, 0x81]), contentType: 'application/xml', status: 422, code: 'process/invalid' },
  { name: 'upload: billion laughs (DOCTYPE and ENTITY)', as: 'designer', method: 'POST', path: '/api/definitions', raw: BILLION_LAUGHS, contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/doctype'] },
  { name: 'upload: an external entity', as: 'designer', method: 'POST', path: '/api/definitions', raw: EXTERNAL_ENTITY, contentType: 'text/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/doctype'] },
  { name: 'upload: 200 nested elements', as: 'designer', method: 'POST', path: '/api/definitions', raw: DEEP, contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/too-deep'] },
  { name: 'upload: 60,000 elements', as: 'designer', method: 'POST', path: '/api/definitions', raw: ELEMENT_BOMB, contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/too-many-elements'] },
  { name: 'upload: an unknown element', as: 'designer', method: 'POST', path: '/api/definitions', raw: UNKNOWN_ELEMENT, contentType: 'application/bpmn+xml', status: 422, code: 'process/invalid', problemCodes: ['xml/unknown-element'], elementIds: ['Task_teleport'] },
  { name: 'upload: a lint error', as: 'designer', method: 'POST', path: '/api/definitions', raw: LINT_ERROR, contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['tb/user-task-time-limit'], elementIds: ['Task_review'] },
  { name: 'upload: the wrong root element', as: 'designer', method: 'POST', path: '/api/definitions', raw: '<html><body>hello</body></html>', contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['xml/wrong-root'] },
  { name: 'upload: no executable process', as: 'designer', method: 'POST', path: '/api/definitions', raw: NOT_EXECUTABLE, contentType: 'application/xml', status: 422, code: 'process/invalid', problemCodes: ['definition/no-executable-process'] },
  { name: 'upload: a valid document over 5 MiB', as: 'designer', method: 'POST', path: '/api/definitions', raw: VALID_OVER_5_MIB, contentType: 'application/xml', status: 413, code: 'request/too-large' },
  { name: 'upload: a 50 MiB body with its length declared', as: 'designer', method: 'POST', path: '/api/definitions', stream: { bytes: 50 * MiB, contentType: 'application/xml' }, status: 413, code: 'request/too-large' },
];

let server: TestServer;
let watch: DatabaseWatch;
let fixtures: Fixtures;
const clients = new Map<Signed, ApiClient>();
const sessions = new Map<Signed, Session>();

beforeAll(async () => {
  server = await startTestServer();
  watch = new DatabaseWatch(server);
  clients.set('anonymous', server.anonymous());
  for (const name of ['admin', 'designer', 'frontdesk', 'manager', 'clerk-market'] as const) {
    clients.set(name, await server.signIn(name));
    sessions.set(name, await rawSignIn(server.url, name));
  }
  const app = await startApplication(clients.get('frontdesk')!, clients.get('manager')!, { businessKey: uniqueKey('MALFORMED') });
  const target = await clients.get('admin')!.post<{ id: string }>('/api/users', {
    username: uniqueKey('acc-target').toLowerCase(), displayName: '验收目标账号', password: 'acceptance-password', roles: ['clerk'], departments: ['bank'],
  });
  expect(target.status, target.text).toBe(201);
  fixtures = {
    app, userId: target.body.id,
    fresh: () => startApplication(clients.get('frontdesk')!, clients.get('manager')!, { businessKey: uniqueKey('MALFORMED-FRESH') }),
  };
}, 30_000);

afterAll(async () => {
  watch?.close();
  await server?.dispose();
});

async function send(c: Case, path: string): Promise<ApiResponse> {
  if (c.stream) {
    const session = sessions.get(c.as);
    const headers: Record<string, string> = { 'content-type': c.stream.contentType };
    if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    if (!c.stream.chunked) headers['content-length'] = String(c.stream.bytes);
    // With a declared length, only the first 256 KiB are ever sent: the server must refuse by the
    // length alone (a server that waited for the rest would never answer). A chunked body is sent
    // whole: the server must stop reading at its limit.
    const body: Readable = lazyBody(c.stream.bytes, { fill: c.stream.contentType.includes('xml') ? '<' : ' ', ...(c.stream.chunked ? {} : { stallAfter: 256 * 1024 }) });
    return rawRequest(server.url, c.method, path, headers, body);
  }
  const client = clients.get(c.as)!;
  const headers = { ...c.headers };
  if (c.json !== undefined) return client.request(c.method, path, { json: c.json, headers });
  if (c.raw !== undefined) {
    const raw = typeof c.raw === 'string' ? c.raw : new Uint8Array(c.raw);
    return client.request(c.method, path, c.contentType !== undefined ? { raw, contentType: c.contentType, headers } : { raw, headers });
  }
  if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  return client.request(c.method, path, { headers });
}

describe('malformed requests', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size, 'case names are unique').toBe(CASES.length);
  });

  for (const c of CASES) it(`${c.name} → ${c.status}`, async () => {
    const path = typeof c.path === 'string' ? c.path : await c.path(fixtures);
    const before = watch.snapshot();
    const answer = await send(c, path);
    const where = `${c.name}: ${answer.status} ${answer.text.slice(0, 400)}`;

    expect(answer.status, where).toBeLessThan(500);
    expect(answer.status, where).toBe(c.status);
    const problem: ProblemBody = expectProblem(answer, c.name);
    expect(problem.instance, where).toBe(path.split('?')[0]);
    if (c.code) expect(problem.code, where).toBe(c.code);
    if (c.status === 400) {
      expect(problem.code, where).toMatch(/^request\//);
      expect(Array.isArray(problem.errors), `${where}: a 400 lists its field problems in errors[]`).toBe(true);
      for (const e of problem.errors ?? []) {
        expect(typeof e.message, where).toBe('string');
        expect(e.pointer, where).toBe(e.path === '' ? '/' : `/${e.path.split('.').join('/')}`);
      }
      const found = (problem.errors ?? []).map((e) => `${e.in}:${e.path}`).sort();
      const expected = (c.errors ?? []).map(([location, p]) => `${location}:${p}`).sort();
      expect([...new Set(found)], where).toEqual([...new Set(expected)]);
    }
    if (c.status === 422) {
      const errors = problem.errors ?? [];
      expect(errors.length, where).toBeGreaterThan(0);
      for (const code of c.problemCodes ?? []) expect(errors.map((e) => e.code), where).toContain(code);
      for (const id of c.elementIds ?? []) expect(errors.map((e) => e.elementId), where).toContain(id);
    }
    if (c.status === 405) expect(answer.headers.get('allow'), where).toBeTruthy();

    // Nothing written: the same rows, the same changeable columns, no audit record.
    const after = watch.snapshot();
    expect(after.counts, `${c.name}: row counts`).toEqual(before.counts);
    expect(after.fingerprint, `${c.name}: rows changed`).toBe(before.fingerprint);
    expect(watch.auditActionsAfter(before.auditSeq).filter((a) => !a.startsWith('session.')), `${c.name}: audit records`).toEqual([]);
  });

  it('serves a public route whatever the session cookie holds', async () => {
    for (const cookie of ['tongban_session=%E0%A4%A', 'tongban_session=%', 'tongban_session=forged-token']) {
      const answer = await rawRequest(server.url, 'GET', '/healthz', { cookie });
      expect(answer.status, `${cookie}: ${answer.text.slice(0, 200)}`).toBe(200);
    }
  });

  it('left the shared application untouched and the server ready', async () => {
    const manager = clients.get('manager')!;
    const detail = await manager.get<{ status: string; pauses: unknown[]; comments: unknown[]; tasks: { department?: string; status: string; assignee?: string }[] }>(`/api/instances/${fixtures.app.instanceId}`);
    expect(detail.body.status).toBe('active');
    expect(detail.body.pauses).toEqual([]);
    expect(detail.body.comments).toEqual([]);
    expect(detail.body.tasks.filter((t) => t.department === 'market')).toMatchObject([{ status: 'open' }]);
    expect((await server.anonymous().get('/readyz')).status).toBe(200);
  });
});
