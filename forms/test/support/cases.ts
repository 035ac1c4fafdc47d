/**
 * Bad values for the fixture form, each with the error it must produce:
 * shared by the server's tests and the renderer's, which must both refuse
 * every one at the same path.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

export type ValueCase = [name: string, patch: (data: Data) => unknown, expected: { path: string; code: string }[]];

/** Cases a page can produce: a wrong value in a field the page shows. */
export const VALUE_CASES: ValueCase[] = [
  ['a missing required field', (d: Data) => delete d.company.name, [{ path: 'company.name', code: 'form/required' }]],
  ['a whitespace-only required field', (d: Data) => (d.company.name = '   '), [{ path: 'company.name', code: 'form/required' }]],
  ['a wrong citizen ID check digit', (d: Data) => (d.applicant.citizenId = '110105200001011239'), [{ path: 'applicant.citizenId', code: 'citizen-id/check-digit' }]],
  ['a bad mobile number', (d: Data) => (d.applicant.mobile = '12345'), [{ path: 'applicant.mobile', code: 'mobile/length' }]],
  ['a number where text belongs', (d: Data) => (d.company.name = 42), [{ path: 'company.name', code: 'form/type' }]],
  ['text shorter than minLength', (d: Data) => (d.company.name = '甲'), [{ path: 'company.name', code: 'form/min-length' }]],
  ['text longer than maxLength', (d: Data) => (d.company.name = '甲'.repeat(51)), [{ path: 'company.name', code: 'form/max-length' }]],
  ['text not matching the pattern', (d: Data) => (d.company.postcode = '1000'), [{ path: 'company.postcode', code: 'form/pattern' }]],
  ['a number below min', (d: Data) => (d.company.capital = -1), [{ path: 'company.capital', code: 'form/min' }]],
  ['a number above max', (d: Data) => (d.company.capital = 2_000_000), [{ path: 'company.capital', code: 'form/max' }]],
  ['too many decimal places', (d: Data) => (d.company.capital = 1.234), [{ path: 'company.capital', code: 'form/decimal-digits' }]],
  ['text where a number belongs', (d: Data) => (d.company.capital = '100'), [{ path: 'company.capital', code: 'form/type' }]],
  ['a date that does not exist', (d: Data) => (d.company.establishedOn = '2023-02-29'), [{ path: 'company.establishedOn', code: 'form/date' }]],
  ['a value outside the options', (d: Data) => (d.company.kind = 'plc'), [{ path: 'company.kind', code: 'form/option' }]],
  ['a checklist value outside the options', (d: Data) => (d.company.scopes = ['software', 'mining']), [{ path: 'company.scopes', code: 'form/option' }]],
  ['a checklist value twice', (d: Data) => (d.company.scopes = ['software', 'software']), [{ path: 'company.scopes', code: 'form/option-repeated' }]],
  ['an address without street', (d: Data) => (d.company.address = { region: '110105', detail: ' ' }), [{ path: 'company.address', code: 'form/address-detail' }]],
  ['an address with a bad region', (d: Data) => (d.company.address = { region: '1101', detail: '朝阳路' }), [{ path: 'company.address', code: 'form/address-region' }]],
  ['an address with extra keys', (d: Data) => (d.company.address = { detail: '朝阳路', x: 1 }), [{ path: 'company.address', code: 'form/address' }]],
  ['a file of the wrong type', (d: Data) => (d.documents.articles = { id: 'f', name: 'a.exe', size: 1 }), [{ path: 'documents.articles', code: 'form/file-type' }]],
  ['a file too large', (d: Data) => (d.documents.articles = { id: 'f', name: 'a.pdf', size: 2_000_000 }), [{ path: 'documents.articles', code: 'form/file-size' }]],
  ['a file reference with a path in its name', (d: Data) => (d.documents.articles = { id: 'f', name: '../a.pdf', size: 1 }), [{ path: 'documents.articles', code: 'form/file' }]],
  ['an unticked required commitment', (d: Data) => (d.commitment = false), [{ path: 'commitment', code: 'form/required' }]],
  ['a required table without rows', (d: Data) => (d.shareholders = []), [{ path: 'shareholders', code: 'form/required' }]],
  ['a table with too many rows', (d: Data) => (d.shareholders = Array.from({ length: 4 }, () => ({ name: '甲', foreign: true }))), [{ path: 'shareholders', code: 'form/max-rows' }]],
  ['a table that is not a list', (d: Data) => (d.shareholders = { name: '甲' }), [{ path: 'shareholders', code: 'form/type' }]],
  ['a row that is not an object', (d: Data) => (d.shareholders = ['甲']), [{ path: 'shareholders.0', code: 'form/row' }]],
  ['a bad cell', (d: Data) => (d.shareholders[0].citizenId = '110105200001011239'), [{ path: 'shareholders.0.citizenId', code: 'citizen-id/check-digit' }]],
  ['a missing required cell', (d: Data) => delete d.shareholders[0].name, [{ path: 'shareholders.0.name', code: 'form/required' }]],
  ['an unknown column', (d: Data) => (d.shareholders[1].age = 40), [{ path: 'shareholders.1.age', code: 'form/unknown-field' }]],
  ['an object where a field path continues', (d: Data) => (d.company = 'x'), [{ path: 'company', code: 'form/not-object' }]],
];

/** Cases only a hand-made request can produce: the page never builds these shapes. */
export const SERVER_ONLY = new Set(['an unknown column', 'an object where a field path continues']);
