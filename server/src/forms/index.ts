export { formsTable, type FormsTable, type StoredForm } from './forms-table.js';
export { readPackageForms, type PackageForms } from './read-package-forms.js';
export { checkSubmission, requestLanguage } from './check-submission.js';
export { overlayValues } from './merge-values.js';
