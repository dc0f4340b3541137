// The scenario catalog and the exact error responses built from it.
export * from './scenarios/catalog.js';
export * from './scenarios/responses.js';
