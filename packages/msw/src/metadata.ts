/**
 * Discovery documents of the identity platform: OpenID configuration (v1 and v2.0), instance
 * discovery and the JWKS. MSAL reads them (unless it has them built in or configured), and
 * relying parties verify tokens against the JWKS, so they answer as Entra's do.
 */
import { http, type HttpHandler } from 'msw';
import { loginHost, v1Issuer, v2Issuer, type TenantContext } from './context.js';
import { guard, json } from './responses.js';
import { resolveTenantSegment } from './tenant-segment.js';

const base = `https://${loginHost}`;

export function metadataHandlers(context: TenantContext): HttpHandler[] {
  return [
    http.get(
      `${base}/:tenant/v2.0/.well-known/openid-configuration`,
      guard('identity-platform', ({ params }) => {
        const segment = resolveTenantSegment(context, params.tenant);
        return segment === undefined ? undefined : json(openIdConfigurationV2(segment.issuerTenant, segment.path));
      }),
    ),
    http.get(
      `${base}/:tenant/.well-known/openid-configuration`,
      guard('identity-platform', ({ params }) => {
        const segment = resolveTenantSegment(context, params.tenant);
        return segment === undefined ? undefined : json(openIdConfigurationV1(segment.issuerTenant, segment.path));
      }),
    ),
    http.get(
      `${base}/:tenant/discovery/instance`,
      guard('identity-platform', ({ request, params }) => {
        if (resolveTenantSegment(context, params.tenant) === undefined) return undefined;
        return json(instanceDiscovery(new URL(request.url).searchParams.get('authorization_endpoint')));
      }),
    ),
    ...['discovery/v2.0/keys', 'discovery/keys'].map((path) =>
      http.get(
        `${base}/:tenant/${path}`,
        guard('identity-platform', ({ params }) => (resolveTenantSegment(context, params.tenant) === undefined ? undefined : json(context.key.jwks))),
      ),
    ),
  ];
}

/** Multi-tenant authorities publish the `{tenantid}` placeholder as the issuer, as Entra does. */
function openIdConfigurationV2(issuerTenant: string, path: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${path}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${path}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2Issuer(issuerTenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/${path}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${path}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${path}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/${path}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function openIdConfigurationV1(issuerTenant: string, path: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${path}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${path}/discovery/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: v1Issuer(issuerTenant),
    microsoft_multi_refresh_token: true,
    authorization_endpoint: `${base}/${path}/oauth2/authorize`,
    device_authorization_endpoint: `${base}/${path}/oauth2/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${path}/oauth2/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
    check_session_iframe: `${base}/${path}/oauth2/checksession`,
    userinfo_endpoint: `${base}/${path}/openid/userinfo`,
    kerberos_endpoint: `${base}/${path}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** The public cloud's aliases, as `discovery/instance?api-version=1.1` lists them. */
function instanceDiscovery(authorizationEndpoint: string | null): Record<string, unknown> {
  const tenantPath =
    authorizationEndpoint !== null && URL.canParse(authorizationEndpoint) ? (new URL(authorizationEndpoint).pathname.split('/')[1] ?? 'common') : 'common';
  return {
    tenant_discovery_endpoint: `${base}/${tenantPath}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      { preferred_network: loginHost, preferred_cache: 'login.windows.net', aliases: [loginHost, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] },
      { preferred_network: 'login.partner.microsoftonline.cn', preferred_cache: 'login.partner.microsoftonline.cn', aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'] },
      { preferred_network: 'login.microsoftonline.de', preferred_cache: 'login.microsoftonline.de', aliases: ['login.microsoftonline.de'] },
      { preferred_network: 'login.microsoftonline.us', preferred_cache: 'login.microsoftonline.us', aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'] },
      { preferred_network: 'login-us.microsoftonline.com', preferred_cache: 'login-us.microsoftonline.com', aliases: ['login-us.microsoftonline.com'] },
    ],
  };
}
