import type { HistoryRecord } from '../../runtime/index.js';
import type { WorkingCalendar } from '../../time/index.js';
import type { MeasuredInstance, PauseSpan } from './types.js';

/** A pause as instants in milliseconds, `to` resolved. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/**
 * Pause spans from a history: the clock stands still from a `clock.stop`
 * while any stop is not yet resumed (stops may overlap: a correction during
 * an expert review).
 */
export function pausesFromHistory(records: readonly HistoryRecord[]): PauseSpan[] {
  const spans: PauseSpan[] = [];
  let open = 0;
  let from: string | undefined;
  for (const record of [...records].sort((a, b) => a.revision - b.revision)) {
    // Compared as text: which clock commands exist is the runtime's business.
    const type: string = record.command.type;
    if (type === 'clock.stop') {
      if (open++ === 0) from = record.at;
    } else if (type === 'clock.resume' && open > 0) {
      if (--open === 0 && from !== undefined) spans.push({ from, to: record.at });
    }
  }
  if (open > 0 && from !== undefined) spans.push({ from });
  return spans;
}

/** The pauses of one instance: the caller's map, else the instance's own, else its history's; merged and clipped to its life. */
export function instancePauses(
  instance: MeasuredInstance,
  start: number,
  end: number,
  given: ReadonlyMap<string, readonly PauseSpan[]> | undefined,
  history: ReadonlyMap<string, HistoryRecord[]>,
): Interval[] {
  const spans = given?.get(instance.id) ?? instance.pauses ?? pausesFromHistory(history.get(instance.id) ?? []);
  const intervals = spans
    .map((s) => ({ from: Math.max(start, Date.parse(s.from)), to: Math.min(end, s.to === undefined ? end : Date.parse(s.to)) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/** Working time between `from` and `to` that falls inside the (merged) pauses. */
export function pausedWorkingMs(calendar: WorkingCalendar, pauses: readonly Interval[], from: number, to: number): number {
  let ms = 0;
  for (const p of pauses) {
    const a = Math.max(from, p.from);
    const b = Math.min(to, p.to);
    if (b > a) ms += calendar.workingMsBetween(new Date(a), new Date(b));
  }
  return ms;
}
