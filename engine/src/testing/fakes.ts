import type { Clock, IdSource } from '../runtime/index.js';

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: string | Date = '2026-03-02T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: string | Date): void {
    this.current = new Date(at).getTime();
  }
}

/** Ids `prefix-1`, `prefix-2`, … */
export class SequentialIds implements IdSource {
  private n = 0;

  constructor(private readonly prefix = 'inst') {}

  next(): string {
    return `${this.prefix}-${++this.n}`;
  }
}
