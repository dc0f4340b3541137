import {
  getPermission,
  permissionSchemes,
  requiredPermissions,
  type PermissionScheme,
  type RequiredPermissions,
  type SchemeRequirement,
} from '@graph-authz/core';
import { guard, success, type CommandResult } from '../result.js';
import { plainStyle, type Style } from '../style.js';

/** The words people use on the command line for the catalog's scheme names. */
export const schemeOptions = { delegated: 'DelegatedWork', application: 'Application', personal: 'DelegatedPersonal' } as const;
export type SchemeOption = keyof typeof schemeOptions;

const schemeTitles: Record<PermissionScheme, string> = {
  DelegatedWork: 'Delegated (work or school account)',
  DelegatedPersonal: 'Delegated (personal Microsoft account)',
  Application: 'Application',
};

export interface PermissionsOptions {
  readonly scheme?: SchemeOption | undefined;
  readonly json?: boolean | undefined;
  readonly style?: Style | undefined;
}

interface GrantingPermission {
  readonly name: string;
  readonly adminConsent: boolean;
  readonly leastPrivileged: boolean;
  readonly alsoRequires: readonly string[];
}

interface SchemeReport {
  readonly scheme: PermissionScheme;
  readonly permissions: readonly GrantingPermission[];
}

/** `graph-authz permissions`: exit 0 with the permissions, 1 when the operation (or scheme) has none, 2 on bad input. */
export const permissionsCommand = guard(
  'permissions',
  (method: string, url: string, options: PermissionsOptions = {}): CommandResult => {
    const required = requiredPermissions(method, url);
    const wanted = options.scheme === undefined ? permissionSchemes : [schemeOptions[options.scheme]];
    const reports = required === undefined ? [] : schemeReports(required, wanted);
    const exitCode = reports.length === 0 ? 1 : 0;
    if (options.json === true) return success(`${JSON.stringify(jsonReport(method, url, required, reports), null, 2)}\n`, exitCode);
    return success(textReport(method, url, required, reports, wanted, options.style ?? plainStyle), exitCode);
  },
);

function schemeReports(required: RequiredPermissions, wanted: readonly PermissionScheme[]): SchemeReport[] {
  return wanted.flatMap((scheme) => {
    const requirement = required.schemes[scheme];
    return requirement === undefined ? [] : [{ scheme, permissions: grantingPermissions(scheme, requirement) }];
  });
}

/** Least privileged first (in the catalog's order), then every other permission that also grants it. */
function grantingPermissions(scheme: PermissionScheme, requirement: SchemeRequirement): GrantingPermission[] {
  const least = new Set(requirement.leastPrivileged);
  const ordered = [...requirement.leastPrivileged, ...requirement.all.filter((name) => !least.has(name))];
  return ordered.map((name) => ({
    name,
    adminConsent: getPermission(name)?.schemes[scheme]?.requiresAdminConsent ?? false,
    leastPrivileged: least.has(name),
    alsoRequires: requirement.alsoRequires[name] ?? [],
  }));
}

function textReport(
  method: string,
  url: string,
  required: RequiredPermissions | undefined,
  reports: readonly SchemeReport[],
  wanted: readonly PermissionScheme[],
  style: Style,
): string {
  if (required === undefined) {
    return `${style.yellow('?')} No permission data for ${method.toUpperCase()} ${url}: the catalog has no such operation. Check the path against the Graph API reference.\n`;
  }
  const lines = [style.bold(`${required.method} ${required.template}`)];
  for (const report of reports) lines.push('', ...schemeLines(report, style));
  const missing = wanted.filter((scheme) => required.schemes[scheme] === undefined);
  if (missing.length > 0) {
    lines.push('', style.yellow(`Not callable with: ${missing.map((scheme) => schemeTitles[scheme]).join('; ')}`));
  }
  return `${lines.join('\n')}\n`;
}

function schemeLines(report: SchemeReport, style: Style): string[] {
  const width = Math.max(...report.permissions.map((permission) => permission.name.length));
  const lines = [style.bold(schemeTitles[report.scheme])];
  for (const permission of report.permissions) {
    const label = permission.leastPrivileged ? style.green('least privileged') : style.dim('also grants     ');
    const consent = permission.adminConsent ? style.yellow('admin consent') : 'user consent';
    lines.push(`  ${label}  ${permission.name.padEnd(width)}  ${consent}`);
    if (permission.alsoRequires.length > 0) {
      lines.push(`  ${' '.repeat(16)}    ${style.dim(`also requires one of: ${permission.alsoRequires.join(', ')}`)}`);
    }
  }
  return lines;
}

function jsonReport(method: string, url: string, required: RequiredPermissions | undefined, reports: readonly SchemeReport[]): object {
  return {
    method: method.toUpperCase(),
    url,
    known: required !== undefined,
    template: required?.template,
    schemes: Object.fromEntries(reports.map((report) => [report.scheme, report.permissions])),
  };
}
