export { buildRatingCommit, POOR_RATING, RECTIFICATION } from './rating-commit.js';
