/**
 * Time-limit analysis (办理时限压缩): the design analysis of a process
 * version and the measured analysis of finished instances. See docs/analysis.md.
 */
export * from './design/index.js';
export * from './measured/index.js';
export * from './reengineer/index.js';
