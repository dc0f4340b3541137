// The public API of @graph-authz/core: one module a job, each re-exported here once.
export * from './types.js';
export * from './errors.js';
export * from './catalog.js';
export * from './token.js';
export * from './resources.js';
export * from './flows.js';
export * from './scenarios.js';
export * from './evaluate.js';
export * from './explain.js';
