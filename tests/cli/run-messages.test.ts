import { describe, expect, it } from 'vitest';
import { runScript, tongban } from './run-script.js';

const eventGateway = 'engine/test/constructs/fixtures/event-based-gateway.bpmn';

describe('tongban run: messages', () => {
  it('with --complete-all, delivers the message an instance waits for, before any timer', async () => {
    const result = await tongban('run', eventGateway, '--complete-all', '--json');

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { status: string; steps: { type: string; elementId?: string; name?: string }[] };
    expect(summary.status).toBe('completed');
    expect(summary.steps.map((s) => s.elementId ?? s.name)).toEqual(['notify', 'resubmission', 'review']);
  });

  it('interactively, offers the awaited message as a choice', async () => {
    const result = await runScript('engine/cli/main.ts', ['run', eventGateway], { input: '1\n1\n1\n' });

    expect(result.stdout).toContain('消息 (message) resubmission');
    expect(result.stdout).toContain('✉ 送达消息 (message delivered) resubmission');
    expect(result.code).toBe(0);
  });
});
