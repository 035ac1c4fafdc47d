/**
 * `pnpm tongban form-check` as a user runs it: a fresh Node process from the
 * repository root, real files, the exit code and what is printed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fixtureText, formWith } from '../support/fixtures.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function tongban(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', tsx, 'engine/cli/main.ts', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'form-check-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const form = join(fixtures, 'company-registration.json');
const connectors = join(fixtures, 'connectors');

// Each run starts Node with tsx and loads the whole CLI: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000 });

describe('tongban form-check', () => {
  it('exits 0 for a valid form whose bindings exist', async () => {
    const run = await tongban('form-check', form, '--connectors', connectors);
    expect(run.stdout).toContain('没有发现问题');
    expect(run.code).toBe(0);
  });

  it('exits 1 and prints each problem with its file and path', async () => {
    const bad = tempFile('bad.json', JSON.stringify(formWith([
      { type: 'textfield', key: 'a', label: '甲', labelEn: 'A', conditional: { hide: '=a >' } },
      { type: 'textfield', key: 'b', label: '乙', labelEn: 'B', prefill: { connector: 'legal-entity', field: 'nmae' } },
    ])));
    const run = await tongban('form-check', bad, '--connectors', connectors, '--json', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).problems).toEqual([
      expect.objectContaining({ file: bad, path: 'components[0].conditional.hide', code: 'schema/feel', message: expect.stringContaining('cannot be parsed') }),
    ]);
  });

  it('exits 1 for a binding the connectors do not declare', async () => {
    const bad = tempFile('bad.json', JSON.stringify(formWith([
      { type: 'textfield', key: 'b', label: '乙', labelEn: 'B', prefill: { connector: 'legal-entity', field: 'nmae' } },
      { type: 'textfield', key: 'c', label: '丙', labelEn: 'C', prefill: { connector: 'tax-registry', field: 'name' } },
    ])));
    const run = await tongban('form-check', bad, '--connectors', connectors);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('components[0].prefill.field  binding/unknown-field');
    expect(run.stdout).toContain('components[1].prefill.connector  binding/unknown-connector');
    expect(run.stdout).toContain('共 2 个问题');
  });

  it('reports a connector file that is not JSON as a problem in that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'form-check-'));
    writeFileSync(join(dir, 'legal-entity.json'), fixtureText('connectors/legal-entity.json'));
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    const run = await tongban('form-check', form, '--connectors', dir, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).problems).toEqual([expect.objectContaining({ file: join(dir, 'broken.json'), code: 'connector/not-json' })]);
  });

  it('exits 2 for a file that does not exist or a folder that cannot be read', async () => {
    expect((await tongban('form-check', join(fixtures, 'missing.json'))).code).toBe(2);
    const run = await tongban('form-check', form, '--connectors', join(fixtures, 'no-such-folder'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-folder');
  });

  it('checks the form alone without a connectors folder, and says the bindings were not checked', async () => {
    const run = await tongban('form-check', form);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('预填绑定未检查');
  });
});
