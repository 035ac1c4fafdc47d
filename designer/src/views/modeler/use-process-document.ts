import { ref, shallowRef } from 'vue';
import { ElMessage } from 'element-plus';
import { problem, type Problem } from '@tongban/engine';
import { ApiError, type DefinitionSummary } from '../../api';
import { api } from '../../stores/session';
import { i18n } from '../../locales';
import { showError } from '../../components/show-error';
import { newDiagramXml } from '../../modeler';
import type { ModelerHandle } from './use-modeler';
import { clearDraft, loadDraft, saveDraft } from './use-draft';
import { diagramProcessId } from './diagram-process-id';
import { downloadText } from './download';

/** Larger than the server accepts (5 MiB): refused before reading. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The process the page edits: where its diagram came from (a deployed
 * version, the local draft, a new diagram, an upload), its versions, and
 * deploying it. Every path that could lose work keeps the draft.
 */
export function useProcessDocument(modeler: ModelerHandle) {
  const t = i18n.global.t;
  /** The process opened from the route: the draft's key. `undefined` for a new diagram. */
  const processId = ref<string>();
  const version = ref<number>();
  const versions = shallowRef<DefinitionSummary[]>([]);
  const restoredDraft = ref(false);
  const deploying = ref(false);
  /** Problems of a refused upload or re-engineering, shown in a dialog under `problemsTitle`. */
  const uploadProblems = shallowRef<readonly Problem[]>([]);
  const problemsTitle = ref('');
  const showUploadProblems = ref(false);
  const reengineering = ref(false);

  async function refreshVersions(): Promise<void> {
    if (!processId.value) {
      versions.value = [];
      return;
    }
    try {
      versions.value = [...await api.versions(processId.value)].sort((a, b) => b.version - a.version);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) versions.value = [];
      else showError(error);
    }
  }

  /** Opens a process: its local draft when there is one, else its latest version; no id: a new diagram (or its draft). */
  async function openProcess(id: string | undefined): Promise<void> {
    processId.value = id;
    version.value = undefined;
    restoredDraft.value = false;
    await refreshVersions();
    const draft = loadDraft(id);
    if (draft && await tryOpen(draft.xml)) {
      restoredDraft.value = true;
      ElMessage({ type: 'info', message: t('modeler.draftRestored') });
      return;
    }
    const latest = versions.value[0];
    if (id && latest) {
      await openVersion(latest.version);
      return;
    }
    await tryOpen(newDiagramXml(id ?? `Process_${Math.random().toString(36).slice(2, 9)}`, id ?? t('modeler.newProcessName')));
  }

  async function openVersion(v: number): Promise<void> {
    if (!processId.value) return;
    try {
      const xml = await api.bpmn(processId.value, v);
      if (await tryOpen(xml)) version.value = v;
    } catch (error) {
      showError(error);
    }
  }

  async function tryOpen(xml: string): Promise<boolean> {
    try {
      await modeler.open(xml);
      return true;
    } catch (error) {
      showError(error, t('modeler.importFailed'));
      return false;
    }
  }

  async function discardDraft(): Promise<void> {
    clearDraft(processId.value);
    await openProcess(processId.value);
  }

  /** Called on every edit: the draft follows the canvas. */
  async function keepDraft(): Promise<void> {
    saveDraft(processId.value, await modeler.xml());
  }

  /** Deploys the canvas; the server lints and analyses it. A refusal shows its problems and keeps the draft. */
  async function deploy(): Promise<boolean> {
    deploying.value = true;
    const xml = await modeler.xml();
    saveDraft(processId.value, xml);
    try {
      const result = await api.deploy(xml);
      const first = result.deployed[0];
      clearDraft(processId.value);
      restoredDraft.value = false;
      if (first) {
        processId.value = first.processId;
        version.value = first.version;
        ElMessage({ type: 'success', message: t('modeler.deployed', { processId: first.processId, version: first.version }) });
      }
      await refreshVersions();
      return true;
    } catch (error) {
      showError(error, t('modeler.deployFailed'));
      return false;
    } finally {
      deploying.value = false;
    }
  }

  async function download(): Promise<void> {
    const id = diagramProcessId(modeler.root()) ?? 'process';
    downloadText(`${id}.bpmn`, await modeler.xml());
  }

  /** Opens a `.bpmn` file; an unreadable or hostile one leaves the canvas as it was and lists its problems. */
  async function upload(file: File): Promise<void> {
    problemsTitle.value = `${t('modeler.uploadFailed')} — ${file.name}`;
    if (file.size > MAX_UPLOAD_BYTES) {
      refuseUpload([problem('xml/too-large', 'error', `文件超过 ${MAX_UPLOAD_BYTES} 字节`, `The file is larger than ${MAX_UPLOAD_BYTES} bytes`)]);
      return;
    }
    const text = await file.text();
    const { checkUpload } = await import('../../modeler/check');
    const checked = await checkUpload(text);
    if (!checked.ok) {
      refuseUpload(checked.problems);
      return;
    }
    const previous = await modeler.xml();
    try {
      await modeler.open(text);
    } catch (error) {
      await modeler.open(previous);
      const message = error instanceof Error ? error.message : String(error);
      refuseUpload([problem('xml/import-failed', 'error', `无法导入：${message}`, `Cannot import: ${message}`)]);
      return;
    }
    version.value = undefined;
    await keepDraft();
    ElMessage({ type: 'success', message: t('modeler.uploadOk', { name: file.name }) });
  }

  /**
   * Turns the serial as-is diagram on the canvas into the parallel to-be
   * diagram and opens it as a new process `<id>_to_be` (a local draft until
   * deployed). Returns its id, or undefined when it could not be done.
   */
  async function reengineerCurrent(): Promise<string | undefined> {
    reengineering.value = true;
    try {
      const { reengineerDiagram } = await import('../../modeler/reengineer');
      const result = await reengineerDiagram(await modeler.xml());
      if (!result.xml || !result.processId) {
        problemsTitle.value = t('modeler.reengineerFailed');
        refuseUpload(result.problems);
        return undefined;
      }
      await modeler.open(result.xml);
      processId.value = result.processId;
      version.value = undefined;
      restoredDraft.value = false;
      await refreshVersions();
      await keepDraft();
      const ratio = result.prediction ? Math.round(result.prediction.compressionRatio * 1000) / 10 : undefined;
      ElMessage({ type: 'success', message: ratio === undefined ? t('modeler.reengineered', { processId: result.processId }) : t('modeler.reengineeredWith', { processId: result.processId, ratio }) });
      return result.processId;
    } finally {
      reengineering.value = false;
    }
  }

  function refuseUpload(problems: readonly Problem[]): void {
    uploadProblems.value = problems;
    showUploadProblems.value = true;
  }

  return {
    processId, version, versions, restoredDraft, deploying, uploadProblems, problemsTitle, showUploadProblems, reengineering,
    openProcess, openVersion, discardDraft, keepDraft, deploy, download, upload, refreshVersions, reengineerCurrent,
  };
}
