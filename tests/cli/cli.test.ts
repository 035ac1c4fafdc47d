import { describe, expect, it } from 'vitest';
import { runScript, tongban } from './run-script.js';

const fixture = (name: string) => `tests/cli/fixtures/${name}`;
const example = 'engine/examples/one-thing.bpmn';

const PROBLEM_KEYS = ['code', 'severity', 'message', 'elementId', 'line', 'column'];

/** The `--json` problem shape: exactly these keys, absent ones omitted, never null. */
function expectProblemShape(problem: Record<string, unknown>): void {
  for (const key of Object.keys(problem)) expect(PROBLEM_KEYS).toContain(key);
  expect(typeof problem.code).toBe('string');
  expect(['error', 'warning']).toContain(problem.severity);
  expect(typeof problem.message).toBe('string');
  for (const key of ['elementId'] as const) if (key in problem) expect(typeof problem[key]).toBe('string');
  for (const key of ['line', 'column'] as const) if (key in problem) expect(Number.isInteger(problem[key])).toBe(true);
}

describe('tongban lint', () => {
  it('given a clean diagram, prints no problems and exits 0', async () => {
    const result = await tongban('lint', fixture('clean.bpmn'), '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ problems: [] });
  });

  it('given the example, finds nothing at all', async () => {
    const result = await tongban('lint', example);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('没有发现问题');
  });

  it('given a user task without department and time limit, reports both and exits 1', async () => {
    const result = await tongban('lint', fixture('problems.bpmn'), '--json');

    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { problems: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['problems']);
    output.problems.forEach(expectProblemShape);
    expect(output.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'tb/user-task-department', severity: 'error', elementId: 'Task_review' }),
      expect.objectContaining({ code: 'tb/user-task-time-limit', severity: 'error', elementId: 'Task_review' }),
    ]));
    expect(output.problems.every((p) => /[\u4e00-\u9fff]/.test(String(p.message)))).toBe(true);
  });

  it('with --lang en, prints the English messages', async () => {
    const result = await tongban('lint', fixture('problems.bpmn'), '--json', '--lang', 'en');

    const output = JSON.parse(result.stdout) as { problems: { message: string }[] };
    expect(output.problems.length).toBeGreaterThan(0);
    expect(output.problems.some((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(false);
  });

  it('prints one line per problem and a summary for people', async () => {
    const result = await tongban('lint', fixture('problems.bpmn'));

    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.some((line) => /^error\s+tb\/user-task-department\s+Task_review\s+\S/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/2 个错误/);
  });

  it('given bytes that are not UTF-8, reports the encoding as a problem', async () => {
    const result = await tongban('lint', fixture('not-utf8.bpmn'), '--json');

    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { problems: { code: string }[] };
    expect(output.problems.map((p) => p.code)).toContain('xml/not-utf8');
  });

  it('given a missing file, says so on stderr and exits 2', async () => {
    const result = await tongban('lint', fixture('no-such-file.bpmn'), '--json');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no-such-file.bpmn');
  });

  it('given a bad option, exits 2', async () => {
    expect((await tongban('lint', fixture('clean.bpmn'), '--lang', 'fr')).code).toBe(2);
    expect((await tongban('lint')).code).toBe(2);
  });
});

describe('tongban compile', () => {
  it('prints the statechart of the example as a tree', async () => {
    const result = await tongban('compile', example);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+Gateway_fork\s+parallel\s+parallelGateway/m);
    expect(result.stdout).toMatch(/^\s+Task_tax\s+atomic\s+userTask/m);
    expect(result.stdout).toMatch(/\s+__completed\s+final/);
  });

  it('with --json, gives one region per parallel branch', async () => {
    const result = await tongban('compile', example, '--json');

    interface Tree { key: string; type: string; element?: { kind: string; id: string }; states?: Tree[] }
    const output = JSON.parse(result.stdout) as { processes: { processId: string; root: Tree }[] };
    const find = (tree: Tree, key: string): Tree | undefined => tree.key === key ? tree : tree.states?.map((s) => find(s, key)).find(Boolean);
    const fork = find(output.processes[0]!.root, 'Gateway_fork');
    expect(output.processes[0]!.processId).toBe('open_company');
    expect(fork?.type).toBe('parallel');
    expect(fork?.states).toHaveLength(6);
    expect(find(output.processes[0]!.root, 'Task_tax')?.element).toEqual({ kind: 'userTask', id: 'Task_tax', name: expect.any(String) });
  });

  it('given a diagram with errors, prints the problems and exits 1', async () => {
    const result = await tongban('compile', fixture('problems.bpmn'));

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('tb/user-task-department');
  });
});

describe('tongban run', () => {
  it('with --complete-all, takes the example to completion', async () => {
    const result = await tongban('run', example, '--complete-all', '--json', '--var', 'applicant={"uscc":"91110000MA01ABCD2X"}');

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { status: string; instanceId: string; steps: { type: string; elementId: string }[]; variables: Record<string, unknown> };
    expect(summary.status).toBe('completed');
    expect(typeof summary.instanceId).toBe('string');
    expect(summary.steps.map((s) => s.elementId)).toEqual(expect.arrayContaining(['Task_accept', 'Task_market', 'Task_seal', 'Task_tax', 'Task_social', 'Task_medical', 'Task_fund', 'Task_deliver']));
    expect(summary.steps.at(-1)?.elementId).toBe('Task_deliver');
    expect(summary.variables).toEqual({ applicant: { uscc: '91110000MA01ABCD2X' } });
  });

  it('reads a number per line from stdin, and exits 1 when told to quit early', async () => {
    const result = await runScript('engine/cli/main.ts', ['run', example, '--json'], { input: '1\nq\n' });

    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { status: string; steps: { elementId: string }[] };
    expect(summary.status).toBe('active');
    expect(summary.steps.map((s) => s.elementId)).toEqual(['Task_accept']);
    expect(result.stderr).toContain('[6]');
  });

  it('prints each completed task for people', async () => {
    const result = await tongban('run', example, '--complete-all');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 完成任务 Task_tax (tax)');
    expect(result.stdout).toContain('completed');
  });
});
