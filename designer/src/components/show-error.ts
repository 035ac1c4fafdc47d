import { h } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '../api';
import { i18n } from '../locales';

const MAX_LISTED = 8;

/**
 * Shows any failure as one element-plus message: the problem's title, its
 * detail, and its field problems (with the element id for diagram problems).
 * Built from VNodes, never HTML, so server text cannot inject markup.
 */
export function showError(error: unknown, heading?: string): void {
  const t = i18n.global.t;
  const english = i18n.global.locale.value === 'en';
  if (!(error instanceof ApiError)) {
    ElMessage({ type: 'error', message: heading ?? (error instanceof Error ? error.message : t('errors.unknown')), showClose: true });
    return;
  }
  const title = error.status === 0 ? t('errors.network') : (error.problem.title ?? t('errors.unknown'));
  const fields = error.fieldProblems;
  const lines = fields.slice(0, MAX_LISTED).map((f) => {
    const text = (english ? f.messageEn : undefined) ?? f.message ?? f.code ?? '';
    const where = f.elementId ? t('errors.element', { id: f.elementId }) : f.path;
    return h('li', { 'data-element-id': f.elementId ?? '' }, where ? `${where}: ${text}` : text);
  });
  ElMessage({
    type: 'error',
    showClose: true,
    duration: fields.length > 0 ? 8000 : 4000,
    customClass: 'api-error-message',
    message: h('div', [
      h('strong', heading ? `${heading}: ${title}` : title),
      error.problem.detail ? h('div', error.problem.detail) : null,
      fields.length > 0 ? h('ul', { class: 'api-error-fields' }, lines) : null,
      fields.length > MAX_LISTED ? h('div', t('errors.fieldCount', { n: fields.length })) : null,
    ]),
  });
}
