import { describe, expect, it } from 'vitest';
import { createDemoData } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

describe('demo exchange determinism', () => {
  it('the same seed gives the same data; another seed different generated records', () => {
    const a = createDemoData(7);
    const b = createDemoData(7);
    const c = createDemoData(8);
    expect([...b.persons.values()]).toEqual([...a.persons.values()]);
    expect([...b.entities.values()]).toEqual([...a.entities.values()]);
    expect([...b.licences.entries()]).toEqual([...a.licences.entries()]);
    expect([...b.socialInsurance.values()]).toEqual([...a.socialInsurance.values()]);
    expect([...c.persons.keys()].slice(3)).not.toEqual([...a.persons.keys()].slice(3));
    // The well-known records do not depend on the seed.
    expect([...c.persons.values()].slice(0, 3)).toEqual([...a.persons.values()].slice(0, 3));
  });

  it('two servers with the same seed answer identically', async () => {
    const ids = [...createDemoData(42).persons.keys()].slice(3, 23);
    const [one, two] = await Promise.all([start({ seed: 42 }), start({ seed: 42 })]);
    try {
      for (const id of ids) {
        const [x, y] = await Promise.all([one.get(`/population/persons/${id}`), two.get(`/population/persons/${id}`)]);
        expect(x.status).toBe(200);
        expect(y).toEqual(x);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
