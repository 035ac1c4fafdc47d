import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/scheduler/backoff.js';
import { bpmnErrorCode, JobBpmnError } from '../../src/scheduler/job-handlers.js';
import { safeMessage } from '../../src/scheduler/safe-message.js';

describe('back-off', () => {
  it('doubles from the base after each failure and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, 1_000, 30_000))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(backoffMs(1_000, 1_000, 60_000)).toBe(60_000);
  });
});

describe('safe incident messages', () => {
  it('masks identity and mobile numbers and keeps the rest', () => {
    expect(safeMessage(new Error('No record for 11010519491231002X, call 13800138000'))).toBe('No record for ***, call ***');
    expect(safeMessage(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(safeMessage('plain text')).toBe('plain text');
  });

  it('cuts long messages short', () => {
    expect(safeMessage(new Error('a'.repeat(2_000)))).toHaveLength(500);
  });
});

describe('business errors of handlers', () => {
  it('are told apart by their error code', () => {
    expect(bpmnErrorCode(new JobBpmnError('NOT_REGISTERED'))).toBe('NOT_REGISTERED');
    expect(bpmnErrorCode(Object.assign(new Error('x'), { errorCode: 'LATE' }))).toBe('LATE');
    expect(bpmnErrorCode(new Error('x'))).toBeUndefined();
    expect(bpmnErrorCode(undefined)).toBeUndefined();
  });
});
