import clientCredentialsDefaultScope from './client-credentials-default-scope.js';
import handleClaimsChallenge from './handle-claims-challenge.js';
import leastPrivilegeScopes from './least-privilege-scopes.js';
import noAppOnlyPasswordReset from './no-app-only-password-reset.js';
import noAzureAdGraph from './no-azure-ad-graph.js';
import noMeWithAppOnly from './no-me-with-app-only.js';
import noMixedResourceScopes from './no-mixed-resource-scopes.js';
import noPersonalAccountWorkOnlyApi from './no-personal-account-work-only-api.js';
import noRopc from './no-ropc.js';
import permissionTypeMismatch from './permission-type-mismatch.js';
import preferMsal from './prefer-msal.js';
import scopesCoverCalls from './scopes-cover-calls.js';
import tokenAudienceMatch from './token-audience-match.js';
import validPermissionName from './valid-permission-name.js';

export const rules = {
  'client-credentials-default-scope': clientCredentialsDefaultScope,
  'no-mixed-resource-scopes': noMixedResourceScopes,
  'no-app-only-password-reset': noAppOnlyPasswordReset,
  'no-me-with-app-only': noMeWithAppOnly,
  'token-audience-match': tokenAudienceMatch,
  'no-azure-ad-graph': noAzureAdGraph,
  'valid-permission-name': validPermissionName,
  'scopes-cover-calls': scopesCoverCalls,
  'least-privilege-scopes': leastPrivilegeScopes,
  'permission-type-mismatch': permissionTypeMismatch,
  'no-personal-account-work-only-api': noPersonalAccountWorkOnlyApi,
  'prefer-msal': preferMsal,
  'no-ropc': noRopc,
  'handle-claims-challenge': handleClaimsChallenge,
};
