export { definitionsTable, type DeployInput } from './definitions.js';
export { instancesTable } from './instances.js';
export { tasksTable } from './tasks.js';
export { timersTable } from './timers.js';
export { jobsTable } from './jobs.js';
export { historyTable } from './history.js';
