// The demo lints itself as a user of @graph-authz/eslint-plugin would: the repo's own rules (a flat
// config spread as is) plus the plugin's recommended preset. misuse/ holds deliberate mistakes and
// is linted on its own with the `all` preset (eslint.misuse.config.js), so it is ignored here.
import graphAuthz from '@graph-authz/eslint-plugin';
import root from '../../eslint.config.js';

export default [...root, { ignores: ['misuse/**'] }, graphAuthz.configs.recommended];
