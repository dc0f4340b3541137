// The public API of @graph-authz/msw: one scenario as handlers, or a whole emulated tenant.
export { simulate, type SimulateOptions } from './simulate.js';
export { createTenant, type IssueTokenOptions, type Tenant } from './tenant.js';
export type { AppConfig, PolicyConfig, TenantConfig, UserConfig } from './config.js';
export type { RouteRequest, RouteResolver } from './routes.js';
export { matchGraphScenario, type ScenarioMatch } from './matchers.js';
