import type { MaterialCommand } from '../commands.js';
import type { InstanceRecord, TimerRecord } from '../records.js';
import { rejected } from '../rejected.js';

/**
 * Checks a material command against the stored instance before anything is
 * written: the instance has not ended, the material was accepted as missing
 * and is still missing (a second supply, or one after the deadline, is
 * rejected), and an overdue deadline is a scheduled supplement timer.
 */
export function checkMaterialCommand(previous: InstanceRecord, command: MaterialCommand, scheduledTimers: readonly TimerRecord[]): void {
  if (previous.status !== 'active') {
    throw rejected('instance/ended', `申请 ${previous.id} 已结束`, `Expected instance ${previous.id} to be active, but it has ended`, { instanceId: previous.id });
  }
  const materials = previous.materials ?? [];
  if (command.type === 'material.supply') {
    const m = materials.find((x) => x.material === command.material);
    if (!m) throw rejected('material/unknown', `材料“${command.material}”不在容缺清单中`, `"${command.material}" is not a missing material of this application`, { material: command.material });
    if (m.status !== 'missing') throw rejected('material/not-missing', `材料“${m.material}”已补正`, `"${m.material}" has already been supplied`, { material: m.material, status: m.status });
    return;
  }
  const timer = scheduledTimers.find((t) => t.id === command.timerId && t.supplement && t.status === 'scheduled');
  const m = materials.find((x) => x.timerId === command.timerId);
  if (!timer || !m || m.status !== 'missing') {
    throw rejected('timer/not-open', `补正期限 ${command.timerId} 已不在计时`, `Expected supplement deadline ${command.timerId} to be scheduled, but it is not`, { id: command.timerId });
  }
}
