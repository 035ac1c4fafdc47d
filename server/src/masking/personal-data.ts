import { maskCitizenId, maskMiddle, maskMobile, maskName } from '@tongban/connectors';

/**
 * Masking of personal data (脱敏) in API responses, after the patterns in
 * the identifiers reference: 公民身份号码 keeps the 6-digit area code and
 * the last 4 (110105********1238); mobile numbers keep 3 + 4
 * (138****5678); names keep the surname (张*, as 法释〔2016〕19号 art. 9);
 * bank accounts keep the last 4; addresses keep their first 6 characters.
 * A field is personal by its name or, for identifiers and mobile numbers,
 * by its value, so a number typed into a free field is masked too.
 */
type Kind = 'idNumber' | 'mobile' | 'name' | 'bankAccount' | 'address';

const ID_NUMBER = /^\d{17}[\dXx]$/;
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

const BY_KEY: readonly (readonly [Kind, RegExp])[] = [
  ['idNumber', /(?:^|[_-]|[a-z])(?:id_?(?:card|number|no)|citizen_?id)$|身份证/i],
  ['mobile', /(?:mobile|phone|telephone|tel)(?:_?(?:number|no))?$|手机|电话/i],
  ['bankAccount', /bank_?account|account_?(?:number|no)$|银行账号/i],
  ['address', /(?:^|[_-]|[a-z])address$|住址|地址/i],
  ['name', /^(?:name|full_?name|person_?name|applicant_?name|legal_?representative|contact_?(?:person|name)|(?:mother|father|child|guardian|owner|spouse|newborn)_?name)$|姓名/i],
];

export function kindOf(key: string, value: unknown): Kind | undefined {
  if (typeof value === 'number' && /mobile|phone/i.test(key)) return 'mobile';
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const byKey = BY_KEY.find(([, pattern]) => pattern.test(key))?.[0];
  if (byKey) return byKey;
  if (ID_NUMBER.test(value)) return 'idNumber';
  if (MOBILE.test(value)) return 'mobile';
  return undefined;
}

export function maskValue(kind: Kind, raw: string | number): string {
  const value = String(raw);
  switch (kind) {
    case 'idNumber':
      return maskCitizenId(value);
    case 'mobile':
      return maskMobile(value.replace(/^\+?86(?=\d{11}$)/, ''));
    case 'name':
      return maskName(value);
    case 'bankAccount':
      return maskMiddle(value, 0, 4);
    case 'address':
      return [...value].slice(0, 6).join('') + '****';
  }
}

const MAX_DEPTH = 64;

/** A deep copy with every personal value masked, and the paths of the values it masked. */
export function maskPersonalData(value: unknown): { masked: unknown; paths: string[] } {
  const paths: string[] = [];
  const walk = (v: unknown, key: string, path: string, depth: number): unknown => {
    // Requests cannot nest this deep (MAX_VARIABLES_DEPTH); whatever does is hidden rather than walked.
    if (depth > MAX_DEPTH) {
      paths.push(path);
      return '***';
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, key, `${path}.${i}`, depth + 1));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k, path ? `${path}.${k}` : k, depth + 1)]));
    }
    const kind = kindOf(key, v);
    if (!kind) return v;
    paths.push(path);
    return maskValue(kind, v as string | number);
  };
  return { masked: walk(value, '', '', 0), paths };
}

/**
 * A value a connector declared personal: masked by its kind where it has a
 * pattern, hidden altogether where it has none (sex, insured status…),
 * since the declaration, not the value's look, says it is personal.
 */
export function maskDeclaredPersonal(field: string, value: string | number | boolean): string {
  const kind = typeof value === 'boolean' ? undefined : kindOf(field, value);
  return kind ? maskValue(kind, value as string | number) : '***';
}
