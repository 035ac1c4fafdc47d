import { z } from 'zod';
import { parseCstInstant } from '@tongban/engine';
import { Problem } from '../http/problem.js';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bound of a period in a query: a date (a whole day in China Standard
 * Time) or an instant (`2026-03-02T09:00`, China time unless it carries
 * an offset). Parsed by the engine's reader, so a date that does not exist
 * (`2026-02-30`) is refused rather than rolled over.
 */
export const PeriodBound = z.string().max(40).refine((text) => parseCstInstant(text) !== undefined, 'A date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM[:SS][offset]');

export const PeriodQuery = z.object({ from: PeriodBound.optional(), to: PeriodBound.optional() });

/** Half-open UTC bounds `[from, to)` as ISO strings, comparable as text with the stored instants. */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/**
 * `from` is the first instant counted; `to` is exclusive for an instant but
 * takes in the whole day for a date (`to=2026-03-31` counts 31 March), which
 * is what someone picking dates in a form means. A period that ends before
 * it starts is a 400 on `to`.
 */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }): Period {
  const from = query.from === undefined ? undefined : parseCstInstant(query.from);
  const toStart = query.to === undefined ? undefined : parseCstInstant(query.to);
  const to = toStart === undefined || query.to === undefined ? undefined
    : DATE_ONLY.test(query.to) ? new Date(toStart.getTime() + DAY_MS) : toStart;
  if (from && to && to.getTime() <= from.getTime()) {
    throw new Problem('request/invalid', 'query.to: the period ends before it starts', {
      errors: [{ in: 'query', path: 'to', pointer: '/to', code: 'period-reversed', message: '`to` must be after `from`' }],
    });
  }
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}
