/**
 * Registry look-ups: path → status + JSON body. Pure (no I/O) so the
 * server file only deals with HTTP concerns (auth, failure hooks, sockets).
 */
import { normaliseCitizenId, validateCitizenId, validateCreditCode } from '../identifiers/index.js';
import type { DemoData } from './types.js';

export type RouteResult = { status: number; body: unknown };

const notFound: RouteResult = { status: 404, body: { code: 'not-found', message: '未找到记录', messageEn: 'No such record' } };

export function route(data: DemoData, pathname: string, query: URLSearchParams): RouteResult {
  const segments = pathname.split('/').filter((s) => s !== '');
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return badRequest('bad-path', '请求路径无效', 'The request path is not valid percent-encoding');
  }
  const [first, second, third, ...rest] = decoded;
  if (rest.length > 0) return notFound;

  if (first === 'healthz' && second === undefined) return { status: 200, body: { status: 'ok' } };
  if (first === 'population' && second === 'persons' && third !== undefined) {
    return byCitizenId(third, (id) => data.persons.get(id));
  }
  if (first === 'social-insurance' && second !== undefined && third === undefined) {
    return byCitizenId(second, (id) => data.socialInsurance.get(id));
  }
  if (first === 'legal-entities' && second !== undefined && third === undefined) {
    const checked = validateCreditCode(second);
    if (!checked.ok) return badRequest(checked.code, checked.message, checked.messageEn);
    return found(data.entities.get(checked.value));
  }
  if (first === 'e-licences' && second === undefined) return licences(data, query.get('holder'));
  if (first === 'real-estate' && second === undefined) return realEstate(data, query.get('owner'));
  return { status: 404, body: { code: 'not-found', message: '接口不存在', messageEn: 'No such endpoint' } };
}

function byCitizenId(input: string, lookup: (id: string) => unknown): RouteResult {
  const checked = validateCitizenId(input);
  if (!checked.ok) return badRequest(checked.code, checked.message, checked.messageEn);
  return found(lookup(checked.value));
}

/** A holder is either a person (citizen ID) or an organisation (credit code). */
function licences(data: DemoData, holder: string | null): RouteResult {
  if (holder === null || holder.trim() === '') {
    return badRequest('holder-missing', '缺少持证主体（holder）参数', 'The holder query parameter is required');
  }
  const person = validateCitizenId(holder);
  const entity = validateCreditCode(holder);
  if (!person.ok && !entity.ok) {
    return badRequest('holder-invalid', '持证主体应为公民身份号码或统一社会信用代码', 'The holder must be a citizen ID or a unified social credit code');
  }
  // Some 18-digit strings pass both checks: look in both registries.
  const key = [person.ok ? person.value : undefined, entity.ok ? entity.value : undefined]
    .find((candidate) => candidate !== undefined && data.licences.has(candidate));
  if (key === undefined) return notFound;
  return { status: 200, body: { holder: key, licences: data.licences.get(key) ?? [] } };
}

/**
 * 不动产登记 by owner. Unlike e-licences, an invalid owner gets the check
 * message of the identifier it looks like, so a caller learns which digit is off.
 */
function realEstate(data: DemoData, owner: string | null): RouteResult {
  if (owner === null || owner.trim() === '') {
    return badRequest('owner-missing', '缺少权利人（owner）参数', 'The owner query parameter is required');
  }
  const person = validateCitizenId(owner);
  const entity = validateCreditCode(owner);
  if (!person.ok && !entity.ok) {
    const value = normaliseCitizenId(owner);
    if (value.length !== 18) {
      return badRequest('owner-invalid', '权利人证件号码应为18位公民身份号码或统一社会信用代码', 'The owner must be an 18-character citizen ID or unified social credit code');
    }
    // 17 digits and a digit or X reads as a citizen ID; anything with other letters as a credit code.
    const failure = /^\d{17}[\dX]$/.test(value) ? person : entity;
    return badRequest(failure.code, failure.message, failure.messageEn);
  }
  const key = [person.ok ? person.value : undefined, entity.ok ? entity.value : undefined]
    .find((candidate) => candidate !== undefined && data.realEstate.has(candidate));
  if (key === undefined) return notFound;
  return { status: 200, body: { owner: key, properties: data.realEstate.get(key) ?? [] } };
}

function found(record: unknown): RouteResult {
  return record === undefined ? notFound : { status: 200, body: record };
}

function badRequest(code: string, message: string, messageEn: string): RouteResult {
  return { status: 400, body: { code, message, messageEn } };
}
