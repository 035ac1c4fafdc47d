export { startMaterials } from './start-materials.js';
export { settleMaterials } from './settle-materials.js';
export { checkMaterialCommand } from './check-material-command.js';
export { applicationStatus, type ApplicationStatus } from './application-status.js';
