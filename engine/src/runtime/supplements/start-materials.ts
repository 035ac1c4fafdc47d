import type { CommitmentInput, MissingMaterialInput } from '../commands.js';
import type { Commitment, MissingMaterial, TimerRecord } from '../records.js';
import { rejected } from '../rejected.js';

const MAX_MATERIALS = 100;
const MAX_NAME = 200;

/**
 * The missing materials and commitments an application is accepted with:
 * checked, then written with the instance, each missing material with the
 * timer of its supplement deadline. Timer ids derive from the instance and
 * the material's place in the list, so a replay gives the same ids.
 */
export function startMaterials(
  instanceId: string,
  input: { missingMaterials?: readonly MissingMaterialInput[]; commitments?: readonly CommitmentInput[] },
  at: Date,
): { materials: MissingMaterial[]; commitments: Commitment[]; timers: TimerRecord[] } {
  const missing = input.missingMaterials ?? [];
  const committed = input.commitments ?? [];
  if (missing.length > MAX_MATERIALS || committed.length > MAX_MATERIALS) {
    throw rejected('materials/invalid', `容缺材料和告知承诺各不能超过 ${MAX_MATERIALS} 项`, `At most ${MAX_MATERIALS} missing materials and ${MAX_MATERIALS} commitments`);
  }
  const names = new Set<string>();
  const materials: MissingMaterial[] = [];
  const timers: TimerRecord[] = [];
  for (const [i, m] of missing.entries()) {
    const material = checkName(m.material, `missingMaterials.${i}`);
    if (names.has(material)) throw rejected('materials/invalid', `容缺材料“${material}”重复`, `Missing material "${material}" is listed twice`, { path: `missingMaterials.${i}.material` });
    names.add(material);
    const due = instant(m.dueAt, `missingMaterials.${i}.dueAt`);
    if (due.getTime() <= at.getTime()) {
      throw rejected('materials/invalid', `容缺材料“${material}”的补正期限必须晚于受理时间`, `The supplement deadline of "${material}" must be after the acceptance`, { path: `missingMaterials.${i}.dueAt` });
    }
    const dueAt = due.toISOString();
    const timerId = `${instanceId}/material/${i}`;
    materials.push({ material, dueAt, status: 'missing', timerId });
    timers.push({
      id: timerId, instanceId, elementId: instanceId, activation: 0, definition: { type: 'date', value: dueAt }, dueAt, status: 'scheduled',
      supplement: { material },
    });
  }
  const commitments: Commitment[] = committed.map((c, i) => {
    const material = checkName(c.material, `commitments.${i}`);
    // A material is either promised (告知承诺) or owed (容缺), never both.
    if (names.has(material)) throw rejected('materials/invalid', `材料“${material}”不能既容缺又告知承诺`, `Material "${material}" cannot be both missing and committed`, { path: `commitments.${i}.material` });
    const signedBy = checkName(c.signedBy, `commitments.${i}`, 'signedBy');
    return { material, signedBy, signedAt: instant(c.signedAt, `commitments.${i}.signedAt`).toISOString() };
  });
  return { materials, commitments, timers };
}

function checkName(value: unknown, path: string, field = 'material'): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > MAX_NAME) {
    throw rejected('materials/invalid', `${path}.${field} 必须是 1 到 ${MAX_NAME} 个字符`, `${path}.${field} must be 1 to ${MAX_NAME} characters`, { path: `${path}.${field}` });
  }
  return text;
}

function instant(value: unknown, path: string): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw rejected('materials/invalid', `${path} 不是有效的 ISO 时间`, `${path} is not an ISO instant`, { path });
  return date;
}
