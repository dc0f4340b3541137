// Prints the README's scenario table from the core's catalog, so the docs restate nothing by hand:
// `node scripts/scenario-table.mjs` (after `npm run build`). test/readme.test.ts checks the README matches.
import { scenarios } from '@graph-authz/core';

export function scenarioTable() {
  const rows = scenarios.map((scenario) => {
    if (scenario.side === 'graph') {
      const variants = scenario.variants.map((variant) => `${String(variant.status)} \`${variant.code}\` ${variant.key}`).join('<br>');
      const header = scenario.wwwAuthenticate === 'claims-challenge' ? 'WWW-Authenticate `insufficient_claims` + claims' : scenario.status === 401 ? 'WWW-Authenticate Bearer' : '';
      return `| \`${scenario.id}\` | Graph | ${String(scenario.status)} \`${scenario.code}\`: ${scenario.message.split('\n')[0]} | ${variants} | ${header} |`;
    }
    const variants = scenario.variants.map((variant) => `${String(variant.status)} AADSTS${String(variant.aadsts)} \`${variant.error}\`${variant.suberror === undefined ? '' : ` (${variant.suberror})`} ${variant.key}`).join('<br>');
    return `| \`${scenario.id}\` | token endpoint | ${String(scenario.status)} \`${scenario.error}\` AADSTS${String(scenario.aadsts)} | ${variants} | ${scenario.suberror === undefined ? '' : `suberror \`${scenario.suberror}\``} |`;
  });
  return ['| Scenario | Where | Default answer | Variants (`variant` / `workload` option) | Also |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) console.log(scenarioTable());
