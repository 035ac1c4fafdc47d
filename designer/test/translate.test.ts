import { describe, expect, it } from 'vitest';
import { translateModule } from '../src/modeler/translate';

function translator(locale: string): (template: string, replacements?: Record<string, string>) => string {
  const entry = translateModule(locale).translate;
  return entry[1] as (template: string, replacements?: Record<string, string>) => string;
}

describe("bpmn-js's texts", () => {
  it('are Chinese in the Chinese UI, with replacements filled in', () => {
    const t = translator('zh-CN');
    expect(t('Append user task')).toBe('追加用户任务（事项）');
    expect(t('failed to import {element}', { element: 'Task_1' })).toBe('无法导入 Task_1');
  });

  it('stay as bpmn-js writes them in English, and unknown texts pass through', () => {
    expect(translator('en')('Append user task')).toBe('Append user task');
    expect(translator('zh-CN')('Some text bpmn-js adds later')).toBe('Some text bpmn-js adds later');
    expect(translator('en')('failed to import {element}', { element: 'X' })).toBe('failed to import X');
  });
});
