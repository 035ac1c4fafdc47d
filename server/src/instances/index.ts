export { instanceQueries, type InstanceQueries, type InstanceListQuery } from './instance-queries.js';
export { instanceSummary, timeline, InstanceSummary, TimelineEntry } from './instance-view.js';
