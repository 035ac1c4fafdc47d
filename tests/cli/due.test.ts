import { describe, expect, it } from 'vitest';
import { tongban } from './run-script.js';

describe('tongban due', () => {
  it('given a start before 国庆 2026 and 5wd, prints the close of business of the fifth working day', async () => {
    // Wed 09-30 not counted; 10-01…10-07 off; 1 Thu 10-08, 2 Fri 10-09, 3 Sat 10-10 (调休上班), 4 Mon 10-12, 5 Tue 10-13.
    const result = await tongban('due', '2026-09-30T10:00+08:00', '5wd');

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2026-10-13T17:30:00+08:00\n');
    expect(result.stderr).toBe('');
  });

  it('with --json, prints the due instant with its +08:00 offset', async () => {
    const result = await tongban('due', '2026-03-10T02:00:00Z', '4wh', '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ due: '2026-03-10T15:30:00+08:00' });
  });

  it('given a due date in 2027, warns on stderr that the year is not covered', async () => {
    const result = await tongban('due', '2026-12-30T10:00', '5wd', '--json', '--lang', 'en');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ due: '2027-01-06T17:30:00+08:00' });
    expect(result.stderr).toMatch(/^warning\s+time\/year-not-covered\s+.*2027/);
  });

  it.each([
    ['an instant that does not exist', ['2026-02-30T10:00', '5wd'], '2026-02-30'],
    ['a limit with an unknown unit', ['2026-09-30T10:00', '5d'], '未知单位'],
    ['a fraction of a working day', ['2026-09-30T10:00', '0.5wd'], 'only wh'],
  ])('given %s, says what is wrong and exits 2', async (_name, args, said) => {
    const result = await tongban('due', ...args);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(said);
  });
});
