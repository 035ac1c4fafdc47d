export { ParsePool } from './parse-pool.js';
export { checkDefinition, type DefinitionCheck } from './check-definition.js';
export { definitionsQuery, type DefinitionSummary } from './definitions-query.js';
export { deployProcessFolder, type FolderDeployment } from './deploy-folder.js';
