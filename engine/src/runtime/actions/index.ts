export { isEarlier } from './is-earlier.js';
export { settleEnding } from './ending.js';
export { checkTakeBack } from './check-take-back.js';
export { checkWithdraw } from './check-withdraw.js';
export { settleRecord } from './settle-record.js';
export { actionEvent } from './action-event.js';
