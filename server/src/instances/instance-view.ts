import { applicationStatus, deadlineLight, type HistoryRecord, type InstanceRecord, type WorkingCalendar } from '@tongban/engine';
import { z } from 'zod';

export const InstanceSummary = z.object({
  id: z.string(), processId: z.string(), version: z.number().int(), businessKey: z.string().optional(),
  status: z.enum(['active', 'completed', 'terminated', 'failed']), createdAt: z.string(), updatedAt: z.string(), endedAt: z.string().optional(),
  dueAt: z.string().optional(), legalDueAt: z.string().optional(), light: z.enum(['green', 'yellow', 'red']),
  awaitingCorrection: z.boolean().describe('Returned to the applicant for correction (补正); the clock is stopped'),
  incidents: z.array(z.object({ id: z.string(), elementId: z.string(), message: z.string(), messageEn: z.string(), at: z.string() })),
  applicationStatus: z.enum(['active', 'awaiting-supplement', 'completed', 'terminated', 'failed'])
    .describe('The status to show: awaiting-supplement (容缺待补) when the process has finished but a material accepted as missing has not arrived'),
  materials: z.array(z.object({
    material: z.string(), dueAt: z.string(), status: z.enum(['missing', 'supplied', 'overdue']), suppliedAt: z.string().optional(), suppliedBy: z.string().optional(),
  })).describe('容缺受理: materials accepted as missing, with their supplement deadlines'),
  commitments: z.array(z.object({ material: z.string(), signedBy: z.string(), signedAt: z.string() })).describe('告知承诺: commitments signed instead of a material'),
  ending: z.object({ kind: z.string(), message: z.string(), messageEn: z.string() }).optional().describe('How the application ended other than by its process'),
});
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const TimelineEntry = z.object({
  revision: z.number().int(), at: z.string(), type: z.string(), actor: z.string().optional(),
  taskId: z.string().optional(), effects: z.array(z.object({ type: z.string(), id: z.string(), elementId: z.string().optional() })),
});

export function instanceSummary(instance: InstanceRecord, now: Date, calendar: WorkingCalendar): InstanceSummary {
  const openCorrection = instance.pauses?.find((p) => p.kind === 'correction' && p.to === undefined);
  const { light } = instance.status === 'active' ? deadlineLight(instance, now, calendar, openCorrection) : { light: 'green' as const };
  return {
    id: instance.id, processId: instance.processId, version: instance.version, status: instance.status,
    createdAt: instance.createdAt, updatedAt: instance.updatedAt, light, awaitingCorrection: openCorrection !== undefined,
    incidents: [...instance.incidents],
    applicationStatus: applicationStatus(instance),
    materials: (instance.materials ?? []).map(({ timerId: _timer, ...material }) => material),
    commitments: [...(instance.commitments ?? [])],
    ...(instance.ending !== undefined ? { ending: { kind: instance.ending.kind, message: instance.ending.message, messageEn: instance.ending.messageEn } } : {}),
    ...(instance.businessKey !== undefined ? { businessKey: instance.businessKey } : {}),
    ...(instance.endedAt !== undefined ? { endedAt: instance.endedAt } : {}),
    ...(instance.dueAt !== undefined ? { dueAt: instance.dueAt } : {}),
    ...(instance.legalDueAt !== undefined ? { legalDueAt: instance.legalDueAt } : {}),
  };
}

/** The instance's history as a timeline: which command, when, by whom; the variables it carried are not shown here. */
export function timeline(history: readonly HistoryRecord[]): z.infer<typeof TimelineEntry>[] {
  return history.map((h) => ({
    revision: h.revision, at: h.at, type: h.command.type, effects: [...h.effects],
    ...(h.actor !== undefined ? { actor: h.actor } : {}),
    ...('taskId' in h.command && typeof h.command.taskId === 'string' ? { taskId: h.command.taskId } : {}),
  }));
}
