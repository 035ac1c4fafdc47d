import { randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../../src/index.js';

/**
 * Wall-clock time that can be moved forward, so a smoke run can reach a
 * timer due in three working days without waiting for it.
 */
export class ShiftableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `at`; never backwards. */
  advanceTo(at: Date): void {
    this.offsetMs += Math.max(0, at.getTime() - this.now().getTime());
  }
}

export const randomIds: IdSource = { next: () => randomUUID() };
