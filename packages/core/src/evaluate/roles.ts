/**
 * Directory roles, by name or template id, and the small table of which roles suffice for the
 * operations where Graph checks the signed-in user's (or the app's) role on top of permissions.
 */

/** Built-in Microsoft Entra roles the evaluator reasons about, with their fixed template ids. */
export const directoryRoleTemplateIds = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  'Groups Administrator': 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  'Application Administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  'Cloud Application Administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  'Privileged Authentication Administrator': '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  'Authentication Administrator': 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  'Helpdesk Administrator': '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  'Password Administrator': '966707d0-3269-4727-9be2-8c3a10f19b9d',
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Domain Name Administrator': '8329153b-31d0-4727-b945-745eb3bc5f31',
} as const;

export type DirectoryRoleName = keyof typeof directoryRoleTemplateIds;

const roleNames = Object.keys(directoryRoleTemplateIds) as DirectoryRoleName[];

/** Names people use for the same role (the directory's legacy display names). */
const aliases: Readonly<Record<string, DirectoryRoleName>> = {
  'company administrator': 'Global Administrator',
  'user account administrator': 'User Administrator',
  'helpdesk administrator': 'Helpdesk Administrator',
};

/** The canonical role a name (any case) or template id stands for; unknown roles are ignored. */
export function canonicalRole(role: string): DirectoryRoleName | undefined {
  const key = role.trim().toLowerCase().replace(/\s+/g, ' ');
  return roleNames.find((name) => name.toLowerCase() === key || directoryRoleTemplateIds[name] === key) ?? aliases[key];
}

export function canonicalRoles(roles: readonly string[]): DirectoryRoleName[] {
  return roles.map(canonicalRole).filter((role): role is DirectoryRoleName => role !== undefined);
}

/** Roles that may reset or set another user's password (resetPassword, passwordProfile). */
export const passwordRoles: readonly DirectoryRoleName[] = [
  'Global Administrator',
  'Privileged Authentication Administrator',
  'Authentication Administrator',
  'User Administrator',
  'Helpdesk Administrator',
  'Password Administrator',
];

/**
 * Writes (any method but GET) under these path prefixes need the signed-in user to hold one of
 * these roles, whatever the app's scope (delegated = app scope ∩ user privilege). Deliberately
 * small: the common admin writes, with the least privileged roles that cover them. Owners of a
 * group or application may also write it; the evaluator cannot know ownership and does not model it.
 */
export const adminWriteRoles: readonly { readonly prefix: string; readonly roles: readonly DirectoryRoleName[]; readonly maxSegments?: number }[] = [
  // The user objects themselves; what lives under a user (mail, files, methods) has its own rules.
  { prefix: '/users', roles: ['User Administrator', 'Global Administrator'], maxSegments: 2 },
  { prefix: '/groups', roles: ['Groups Administrator', 'User Administrator', 'Global Administrator'] },
  { prefix: '/applications', roles: ['Application Administrator', 'Cloud Application Administrator', 'Global Administrator'] },
  { prefix: '/serviceprincipals', roles: ['Application Administrator', 'Cloud Application Administrator', 'Global Administrator'] },
  { prefix: '/directoryroles', roles: ['Privileged Role Administrator', 'Global Administrator'] },
  { prefix: '/rolemanagement', roles: ['Privileged Role Administrator', 'Global Administrator'] },
  { prefix: '/identity/conditionalaccess', roles: ['Conditional Access Administrator', 'Security Administrator', 'Global Administrator'] },
  { prefix: '/domains', roles: ['Domain Name Administrator', 'Global Administrator'] },
  { prefix: '/directory', roles: ['Global Administrator'] },
];

/** The roles a write to `path` needs, or undefined when the table has no rule for it. */
export function rolesForWrite(path: string): readonly DirectoryRoleName[] | undefined {
  const depth = path.split('/').filter((segment) => segment !== '').length;
  return adminWriteRoles.find((rule) =>
    (path === rule.prefix || path.startsWith(`${rule.prefix}/`)) && depth <= (rule.maxSegments ?? Number.POSITIVE_INFINITY),
  )?.roles;
}
