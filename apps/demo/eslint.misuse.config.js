// misuse/: one small file per rule, each showing the mistake the rule exists for. Linted with every
// rule of the plugin (`all`), without type information, exactly as `npm run demo` shows them.
import graphAuthz from '@graph-authz/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { files: ['misuse/**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } },
  graphAuthz.configs.all,
];
