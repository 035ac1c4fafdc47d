import { describe, expect, it } from 'vitest';
import { dependencyGraph, pathsOverlap, stageTasks, type DependencyGraph } from '../../../src/analysis/reengineer/index.js';

describe('pathsOverlap', () => {
  it.each([
    ['company.name', 'company.name', true],
    ['company.name', 'company', true],
    ['company', 'company.name', true],
    ['company.name', 'company.name.full', true],
    ['company.name', 'company.names', false],
    ['company.name', 'company.uscc', false],
    ['company', 'companyName', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(pathsOverlap(a, b)).toBe(expected);
  });
});

describe('dependencyGraph', () => {
  it('given a read of company.name, depends on earlier writes of company.name, company and company.name.full only', () => {
    const graph = dependencyGraph([
      { id: 'whole', reads: [], writes: ['company'] },
      { id: 'exact', reads: [], writes: ['company.name'] },
      { id: 'deeper', reads: [], writes: ['company.name.full'] },
      { id: 'sibling', reads: [], writes: ['company.names', 'company.uscc'] },
      { id: 'reader', reads: ['company.name'], writes: [] },
      { id: 'later', reads: [], writes: ['company.name'] },
    ]);

    expect(graph.dependencies.get('reader')!.map((d) => d.producer)).toEqual(['whole', 'exact', 'deeper']);
    expect(graph.dependencies.get('reader')![0]).toEqual({ producer: 'whole', read: 'company.name', written: 'company' });
  });

  it('treats a path nobody writes as an input of the application', () => {
    const graph = dependencyGraph([{ id: 'a', reads: ['applicant.uscc'], writes: [] }, { id: 'b', reads: ['applicant.uscc'], writes: [] }]);

    expect(stageTasks(graph).stages).toEqual([['a', 'b']]);
  });
});

describe('stageTasks on a hand-built graph', () => {
  const graph = (edges: Record<string, string[]>): DependencyGraph => ({
    order: Object.keys(edges),
    dependencies: new Map(Object.entries(edges).map(([id, producers]) => [id, producers.map((producer) => ({ producer, read: 'v', written: 'v' }))])),
  });

  it('given a cycle a → b → c → a beside an independent task, reports reengineer/cycle naming exactly its ids', () => {
    const staging = stageTasks(graph({ free: [], a: ['c'], b: ['a'], c: ['b'], after: ['a'] }));

    expect(staging.stages).toEqual([]);
    expect(staging.problems).toHaveLength(1);
    const [cycle] = staging.problems;
    expect(cycle).toMatchObject({ code: 'reengineer/cycle', severity: 'error' });
    for (const id of ['a', 'b', 'c']) expect(cycle!.message).toContain(id);
    expect(cycle!.message).not.toContain('free');
    expect(cycle!.messageEn).toMatch(/a → b → c → a|b → c → a → b|c → a → b → c/);
    expect(['a', 'b', 'c']).toContain(cycle!.elementId);
  });

  it('given a task depending on itself, reports a cycle of that one id', () => {
    const staging = stageTasks(graph({ a: [], self: ['self'] }));

    expect(staging.problems).toEqual([expect.objectContaining({ code: 'reengineer/cycle', elementId: 'self', messageEn: expect.stringContaining('self → self') })]);
  });

  it('given a dependency on a task outside the chain, says so', () => {
    const staging = stageTasks(graph({ a: ['ghost'] }));

    expect(staging.problems).toEqual([expect.objectContaining({ code: 'reengineer/unknown-task', elementId: 'a' })]);
    expect(staging.stages).toEqual([['a']]);
  });
});
