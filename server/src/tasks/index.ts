export { taskQueries, type TaskQueries, type InboxQuery, type InboxRow, type InboxView, type LightFilter } from './task-queries.js';
export { taskClaims, type TaskClaims, type ClaimResult } from './claims.js';
export { commentsTable, type CommentsTable, type CommentRecord, type CommentKind } from './comments.js';
export { taskView, TaskView } from './task-view.js';
