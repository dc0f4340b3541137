/** Links to learn.microsoft.com that the scenarios point at, each defined once. */

export interface DocLink {
  readonly title: string;
  readonly url: string;
}

const learn = 'https://learn.microsoft.com';

export const docs = {
  graphErrors: { title: 'Microsoft Graph error responses and resource types', url: `${learn}/graph/errors` },
  resolveAuthErrors: { title: 'Resolve Microsoft Graph authorization errors', url: `${learn}/graph/resolve-auth-errors` },
  authConcepts: { title: 'Authentication and authorization basics for Microsoft Graph', url: `${learn}/graph/auth/auth-concepts` },
  permissionsReference: { title: 'Microsoft Graph permissions reference', url: `${learn}/graph/permissions-reference` },
  permissionsOverview: { title: 'Overview of Microsoft Graph permissions', url: `${learn}/graph/permissions-overview` },
  accessTokens: { title: 'Access tokens in the Microsoft identity platform', url: `${learn}/entra/identity-platform/access-tokens` },
  claimsChallenge: { title: 'Claims challenges, claims requests and client capabilities', url: `${learn}/entra/identity-platform/claims-challenge` },
  caeApps: { title: 'How to use Continuous Access Evaluation enabled APIs in your applications', url: `${learn}/entra/identity-platform/app-resilience-continuous-access-evaluation` },
  cae: { title: 'Continuous access evaluation', url: `${learn}/entra/identity/conditional-access/concept-continuous-access-evaluation` },
  aadstsCodes: { title: 'Microsoft Entra authentication and authorization error codes', url: `${learn}/entra/identity-platform/reference-error-codes` },
  resetPassword: { title: 'passwordAuthenticationMethod: resetPassword', url: `${learn}/graph/api/authenticationmethod-resetpassword` },
  changePassword: { title: 'user: changePassword', url: `${learn}/graph/api/user-changepassword` },
  passwordProfile: { title: 'passwordProfile resource type', url: `${learn}/graph/api/resources/passwordprofile` },
  updateUser: { title: 'Update user', url: `${learn}/graph/api/user-update` },
  directoryRoles: { title: 'Microsoft Entra built-in roles', url: `${learn}/entra/identity/role-based-access-control/permissions-reference` },
  clientCredentials: { title: 'OAuth 2.0 client credentials flow', url: `${learn}/entra/identity-platform/v2-oauth2-client-creds-grant-flow` },
  scopes: { title: 'Scopes and permissions in the Microsoft identity platform', url: `${learn}/entra/identity-platform/scopes-oidc` },
  consent: { title: 'Grant tenant-wide admin consent to an application', url: `${learn}/entra/identity/enterprise-apps/grant-admin-consent` },
  conditionalAccessDev: { title: 'Developer guidance for Microsoft Entra Conditional Access', url: `${learn}/entra/identity-platform/v2-conditional-access-dev-guide` },
  supportedAccounts: { title: 'Supported account types', url: `${learn}/entra/identity-platform/v2-supported-account-types` },
  nationalClouds: { title: 'National cloud deployments', url: `${learn}/graph/deployments` },
} as const satisfies Record<string, DocLink>;
