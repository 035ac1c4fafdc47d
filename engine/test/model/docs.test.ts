import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CODE = /'((?:xml|model|tb|parse)\/[a-z0-9-]+)'/g;

function codesInSource(): string[] {
  const dir = fileURLToPath(new URL('../../src/model/', import.meta.url));
  const sources = readdirSync(dir).filter((file) => file.startsWith('problems-')).map((file) => readFileSync(dir + file, 'utf8'));
  return [...new Set(sources.flatMap((source) => [...source.matchAll(CODE)].map((match) => match[1] ?? '')))].sort();
}

describe('docs/bpmn-extension.md', () => {
  it('lists every problem code the model reader can report, and no other', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/bpmn-extension.md', import.meta.url)), 'utf8');
    const table = doc.slice(doc.indexOf('## Problem codes'));
    const documented = [...table.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((match) => match[1] ?? '').sort();

    expect(documented).toEqual(codesInSource());
  });
});
