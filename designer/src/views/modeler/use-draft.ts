/**
 * The local draft (本地草稿): the diagram as last edited, kept in this
 * browser per process until it is deployed, so a reload, a failed deploy or
 * a closed tab loses nothing.
 */
const PREFIX = 'tongban.draft.';

export interface Draft {
  readonly xml: string;
  readonly savedAt: string;
}

export function draftKey(processId: string | undefined): string {
  return `${PREFIX}${processId ?? '(new)'}`;
}

export function loadDraft(processId: string | undefined): Draft | undefined {
  const text = localStorage.getItem(draftKey(processId));
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as Partial<Draft>;
    return typeof draft.xml === 'string' && typeof draft.savedAt === 'string' ? { xml: draft.xml, savedAt: draft.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(processId: string | undefined, xml: string): void {
  const draft: Draft = { xml, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(draftKey(processId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the diagram is still on the canvas; deploying saves it.
  }
}

export function clearDraft(processId: string | undefined): void {
  localStorage.removeItem(draftKey(processId));
}
