// eslint-doc-generator settings: the README rules table and each rule doc's header are generated
// from the built plugin (`npm run docs`), and `npm run docs:check` fails when they drift.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Rule details'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
};

export default config;
