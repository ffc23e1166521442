/**
 * Roles and what they may do: the one table that decides authorisation. Routes declare the permission
 * they need, services check it on the Actor, and the generated security suite reads this same table.
 */
export const PERMISSIONS = [
  'customers:read',
  'customers:write',
  'pii:read',
  'import',
  'export',
  'segments:write',
  'campaigns:send',
  'desk:reply',
  'kb:write',
  'models:train',
  'jobs:read',
  'jobs:cancel',
  'settings:write',
  'members:write',
  'audit:read',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLES = ['owner', 'admin', 'marketer', 'analyst', 'agent', 'viewer'] as const
export type Role = (typeof ROLES)[number]

const everything: readonly Permission[] = PERMISSIONS

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: everything,
  admin: everything,
  marketer: ['customers:read', 'customers:write', 'pii:read', 'import', 'export', 'segments:write', 'campaigns:send', 'jobs:read', 'jobs:cancel'],
  analyst: ['customers:read', 'export', 'segments:write', 'models:train', 'jobs:read', 'jobs:cancel'],
  // Agents answer customers, so they keep the knowledge base their answers come from.
  agent: ['customers:read', 'pii:read', 'desk:reply', 'kb:write'],
  viewer: ['customers:read'],
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role])
}

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s)
