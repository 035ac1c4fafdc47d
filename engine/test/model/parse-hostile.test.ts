import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/index.js';
import type { ParseResult } from '../../src/index.js';
import { fixtureBytes, fixturePath } from './support.js';

/** Hostile input must not make the parser hang: a parse that does fails by the test's own time-out, not by a timing assertion. */
const HANG_GUARD_MS = 15_000;

interface Case {
  /** Expected problem code, and the element it names where the document gives one. */
  readonly code: string;
  readonly elementId?: string;
}

/** Every file in fixtures/hostile/, with what it must produce. */
const CORPUS: Readonly<Record<string, Case>> = {
  // broken XML
  'unclosed-tag.bpmn': { code: 'xml/malformed' },
  'closing-tag-mismatch.bpmn': { code: 'xml/malformed' },
  'unclosed-comment.bpmn': { code: 'xml/malformed' },
  'unclosed-cdata.bpmn': { code: 'xml/malformed' },
  'cdata-hides-end-tags.bpmn': { code: 'xml/malformed' },
  'cdata-before-root.bpmn': { code: 'xml/malformed' },
  'unclosed-attribute-quote.bpmn': { code: 'xml/malformed', elementId: 'Start_1' },
  'attribute-without-value.bpmn': { code: 'xml/malformed', elementId: 'Task_1' },
  'duplicate-attribute.bpmn': { code: 'xml/malformed', elementId: 'Start_1' },
  'undeclared-prefix.bpmn': { code: 'xml/malformed', elementId: 'Task_1' },
  'nul-byte-in-tag.bpmn': { code: 'xml/malformed', elementId: 'Start_1' },
  'text-after-root.bpmn': { code: 'xml/malformed' },
  'two-roots.bpmn': { code: 'xml/malformed' },
  'bom-then-garbage.bpmn': { code: 'xml/malformed' },
  'plain-text.bpmn': { code: 'xml/malformed' },
  'json.bpmn': { code: 'xml/malformed' },
  'empty.bpmn': { code: 'xml/empty' },
  'whitespace-only.bpmn': { code: 'xml/empty' },
  // not BPMN
  'wrong-root-process.bpmn': { code: 'xml/wrong-root' },
  'wrong-root-html.bpmn': { code: 'xml/wrong-root' },
  'wrong-namespace.bpmn': { code: 'xml/wrong-root' },
  // DTDs: external entities, entity expansion
  'xxe-system-entity.bpmn': { code: 'xml/doctype' },
  'billion-laughs.bpmn': { code: 'xml/doctype' },
  'doctype-alone.bpmn': { code: 'xml/doctype' },
  'doctype-lowercase.bpmn': { code: 'xml/doctype' },
  'external-dtd.bpmn': { code: 'xml/doctype' },
  // bytes that are not UTF-8
  'binary-garbage.bin': { code: 'xml/not-utf8' },
  'gbk-encoded.bin': { code: 'xml/not-utf8' },
  'utf16le-with-bom.bin': { code: 'xml/not-utf8' },
  'truncated-utf8.bin': { code: 'xml/not-utf8' },
  'declared-gbk-encoding.bpmn': { code: 'xml/encoding' },
  // nesting
  'too-deep.bpmn': { code: 'xml/too-deep' },
  // ids and references
  'duplicate-id.bpmn': { code: 'xml/duplicate-id', elementId: 'Task_1' },
  'illegal-id.bpmn': { code: 'xml/illegal-id', elementId: '1task' },
  'dangling-reference.bpmn': { code: 'xml/unresolved-reference', elementId: 'Flow_1' },
  'missing-source.bpmn': { code: 'model/dangling-flow', elementId: 'Flow_1' },
  'flow-crosses-sub-process.bpmn': { code: 'model/flow-crosses-scope', elementId: 'Flow_in' },
  'boundary-not-attached.bpmn': { code: 'model/boundary-not-attached', elementId: 'Timeout_1' },
  // unknown or misplaced elements and attributes
  'unknown-bpmn-element.bpmn': { code: 'xml/unknown-element', elementId: 'Approve' },
  'misplaced-element.bpmn': { code: 'xml/unexpected-element', elementId: 'Orphan' },
  'unknown-tb-attribute.bpmn': { code: 'tb/unknown-attribute', elementId: 'Task_1' },
  'tb-attribute-on-wrong-element.bpmn': { code: 'tb/unknown-attribute', elementId: 'Check' },
  'unknown-tb-element.bpmn': { code: 'tb/unknown-element' },
  'prefill-without-connector.bpmn': { code: 'tb/prefill-no-connector', elementId: 'Task_1' },
  // structure
  'no-process.bpmn': { code: 'model/no-process' },
  'no-start-event.bpmn': { code: 'model/no-start-event', elementId: 'Process_1' },
  'multiple-start-events.bpmn': { code: 'model/multiple-start-events', elementId: 'Start_2' },
  'gateway-no-outgoing.bpmn': { code: 'model/gateway-no-outgoing', elementId: 'Gateway_1' },
  'call-activity-no-called-element.bpmn': { code: 'model/call-activity-no-called-element', elementId: 'Call_1' },
  'invalid-version.bpmn': { code: 'model/invalid-version', elementId: 'Call_1' },
  'timer-without-definition.bpmn': { code: 'model/timer-no-definition', elementId: 'Wait_1' },
  'multi-instance-no-collection.bpmn': { code: 'model/multi-instance-no-collection', elementId: 'Sign' },
  'invalid-countersign.bpmn': { code: 'model/invalid-countersign', elementId: 'Sign' },
  'pass-ratio-out-of-range.bpmn': { code: 'model/invalid-countersign', elementId: 'Sign' },
  // expressions
  'invalid-feel-condition.bpmn': { code: 'model/invalid-condition', elementId: 'Flow_yes' },
  'juel-condition.bpmn': { code: 'model/invalid-condition', elementId: 'Flow_yes' },
  'feel-bomb.bpmn': { code: 'model/invalid-condition', elementId: 'Flow_yes' },
  // unsupported BPMN
  'signal-event.bpmn': { code: 'model/unsupported-element', elementId: 'Signal_catch' },
  'script-task.bpmn': { code: 'model/unsupported-element', elementId: 'Script_1' },
  'complex-gateway.bpmn': { code: 'model/unsupported-element', elementId: 'Complex_1' },
  'event-sub-process.bpmn': { code: 'model/unsupported-element', elementId: 'EventSub_1' },
  'boundary-message.bpmn': { code: 'model/unsupported-element', elementId: 'Cancel_1' },
  'standard-loop.bpmn': { code: 'model/unsupported-element', elementId: 'Retry' },
  'transaction.bpmn': { code: 'model/unsupported-element', elementId: 'Tx_1' },
};

/** Too large to commit: built here. */
const GENERATED: Readonly<Record<string, { readonly input: () => string | Uint8Array; readonly code: string }>> = {
  '20 000 nested elements': {
    input: () => `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${'<bpmn:subProcess>'.repeat(20_000)}${'</bpmn:subProcess>'.repeat(20_000)}</bpmn:definitions>`,
    code: 'xml/too-deep',
  },
  '20 000 nested unclosed generic elements': { input: () => '<a>'.repeat(20_000), code: 'xml/too-deep' },
  'a 20 MiB string': { input: () => `<bpmn:definitions>${' '.repeat(20 * 1024 * 1024)}</bpmn:definitions>`, code: 'xml/too-large' },
  'a 20 MiB byte array': { input: () => new Uint8Array(20 * 1024 * 1024).fill(0x20), code: 'xml/too-large' },
  'a string of 2 million Chinese characters (6 MB as UTF-8)': { input: () => '<a>' + '办'.repeat(2_000_000) + '</a>', code: 'xml/too-large' },
  '60 000 elements': {
    input: () => `${header()}<bpmn:process id="p">${'<bpmn:task />'.repeat(60_000)}</bpmn:process></bpmn:definitions>`,
    code: 'xml/too-many-elements',
  },
  '40 000 broken attributes': {
    input: () => `${header()}<bpmn:process id="p">${'<bpmn:task id="t" name="x"y />\n'.repeat(40_000)}</bpmn:process></bpmn:definitions>`,
    code: 'xml/too-many-errors',
  },
  '40 000 stray texts': {
    input: () => `${header()}<bpmn:process id="p">${'<bpmn:task>stray</bpmn:task>\n'.repeat(40_000)}</bpmn:process></bpmn:definitions>`,
    code: 'xml/too-many-errors',
  },
  'an element with 1 000 attributes': {
    input: () => `${header()}<bpmn:process id="p" ${Array.from({ length: 1000 }, (_, i) => `a${i}="1"`).join(' ')} /></bpmn:definitions>`,
    code: 'xml/too-many-attributes',
  },
  'thousands of duplicate ids in a large document': {
    input: () => `${header()}<bpmn:process id="p">${'<bpmn:task id="same" />\n'.repeat(30_000)}</bpmn:process></bpmn:definitions>`,
    code: 'xml/duplicate-id',
  },
  'hundreds of FEEL bombs': {
    input: () => `${header()}<bpmn:process id="p"><bpmn:startEvent id="s" /><bpmn:endEvent id="e" />${
      Array.from({ length: 300 }, (_, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="s" targetRef="e"><bpmn:conditionExpression>${'[]'.repeat(30)}x(</bpmn:conditionExpression></bpmn:sequenceFlow>`).join('')
    }</bpmn:process></bpmn:definitions>`,
    code: 'model/invalid-condition',
  },
  'a UTF-16 string with a lone surrogate': { input: () => `${header()}<bpmn:process id="p" name="\uD800" /></bpmn:definitions>`, code: 'model/no-start-event' },
};

function header(): string {
  return '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">';
}

async function parseOf(input: string | Uint8Array): Promise<{ result: ParseResult }> {
  return { result: await parseBpmn(input) };
}

describe('parseBpmn on hostile input', () => {
  it('has a case for every file of the corpus, and at least 40 of them', () => {
    const files = readdirSync(fixturePath('hostile')).sort();
    expect(files).toEqual(Object.keys(CORPUS).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(CORPUS))('%s: reports %o, quickly, without throwing', async (file, expected) => {
    // given a hostile file, as uploaded bytes
    const bytes = fixtureBytes(`hostile/${file}`);

    // when it is parsed
    const { result } = await parseOf(bytes);

    // then it is answered with the expected problem, never an exception, well within the bound
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems).toContainEqual(expect.objectContaining(
      expected.elementId === undefined ? { code: expected.code } : { code: expected.code, elementId: expected.elementId },
    ));
    // and every problem speaks Chinese and English
    for (const p of result.problems) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/[A-Za-z]{3}/);
    }
  }, HANG_GUARD_MS);

  it.each(Object.entries(GENERATED).map(([name, { input, code }]) => [name, code, input] as const))('%s: reports %s quickly', async (_name, code, input) => {
    const { result } = await parseOf(input());

    expect(result.problems.map((p) => p.code)).toContain(code);
  }, HANG_GUARD_MS);

  it('refuses documents past limits the caller sets', async () => {
    const xml = `${header()}<bpmn:process id="p"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;

    expect((await parseBpmn(xml, { maxBytes: 50 })).problems.map((p) => p.code)).toEqual(['xml/too-large']);
    expect((await parseBpmn(xml, { maxDepth: 1 })).problems.map((p) => p.code)).toEqual(['xml/too-deep']);
    expect((await parseBpmn(xml, { maxElements: 2 })).problems.map((p) => p.code)).toEqual(['xml/too-many-elements']);
    // a limit that is not a positive number falls back to the default instead of switching the check off
    expect((await parseBpmn(xml, { maxDepth: Number.NaN })).processes).toHaveLength(1);
  });

  it('answers input that is not text or bytes with a problem', async () => {
    const result = await parseBpmn(null as unknown as string);

    expect(result.problems.map((p) => p.code)).toEqual(['xml/empty']);
  });

  it('refuses a DTD before the XML parser could expand or fetch anything, pointing at it', async () => {
    const result = await parseBpmn(fixtureBytes('hostile/xxe-system-entity.bpmn'));

    expect(result.definitions).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ code: 'xml/doctype', severity: 'error', line: 2, column: 1 })]);
  });

  it('points at broken XML with a 1-based line and column', async () => {
    const result = await parseBpmn(fixtureBytes('hostile/closing-tag-mismatch.bpmn'));

    expect(result.problems).toEqual([expect.objectContaining({ code: 'xml/malformed', line: 5, column: 3 })]);
  });

  it('points problems found on the model at the start tag of their element', async () => {
    const result = await parseBpmn(fixtureBytes('hostile/gateway-no-outgoing.bpmn'));

    expect(result.problems).toEqual([expect.objectContaining({ code: 'model/gateway-no-outgoing', elementId: 'Gateway_1', line: 5, column: 5 })]);
  });

  it('names the element of a duplicate id, and where the duplicate is', async () => {
    const result = await parseBpmn(fixtureBytes('hostile/duplicate-id.bpmn'));

    expect(result.problems[0]).toMatchObject({ code: 'xml/duplicate-id', severity: 'error', elementId: 'Task_1', line: 6 });
  });

  it('in a large document with a broken element, reports the first and says it stopped there', async () => {
    const { result } = await parseOf(GENERATED['thousands of duplicate ids in a large document']?.input() ?? '');

    expect(result.problems.map((p) => p.code)).toEqual(['xml/duplicate-id', 'xml/stopped-early']);
  });
});
