import { parseLimit, type DesignAnalysis, type Limit, type ProcessModel } from '@tongban/engine';

/** Where the whole application's limit came from. */
export type LimitSource = 'process' | 'design' | 'none';

export interface LimitView {
  readonly source: LimitSource;
  /** As written on the process (`tb:timeLimit="5wd"`). */
  readonly text?: string;
  /** The design analysis's figure, in working days, when the process states no limit. */
  readonly workingDays?: number;
}

export interface ApplicationLimits {
  readonly promised?: Limit;
  readonly legal?: Limit;
  readonly view: { readonly promised: LimitView; readonly legal: LimitView };
}

/**
 * The whole application's promised and legal limits, that each finished
 * instance is judged against: `tb:timeLimit` / `tb:legalTimeLimit` on the
 * process when it has them; otherwise the design analysis of the same
 * version (to-be critical path of the promised limits; as-is serial sum of
 * the legal ones), which is what the "one thing" promises as drawn.
 */
export function applicationLimits(model: ProcessModel, design: DesignAnalysis): ApplicationLimits {
  const promised = pick(model.timeLimit, design.toBe.workingDays);
  const legal = pick(model.legalTimeLimit, design.asIs.workingDays);
  return {
    ...(promised.limit ? { promised: promised.limit } : {}),
    ...(legal.limit ? { legal: legal.limit } : {}),
    view: { promised: promised.view, legal: legal.view },
  };
}

function pick(text: string | undefined, designDays: number): { limit?: Limit; view: LimitView } {
  const parsed = text === undefined ? undefined : parseLimit(text);
  if (parsed?.ok && text !== undefined) return { limit: parsed.limit, view: { source: 'process', text } };
  if (designDays > 0) return { limit: { amount: designDays, unit: 'wd' }, view: { source: 'design', workingDays: designDays } };
  return { view: { source: 'none' } };
}
