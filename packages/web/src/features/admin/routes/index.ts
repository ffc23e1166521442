import type { Page } from '../../../app/page.ts'

export const adminPages: Page[] = [
  { path: 'admin/members', load: () => import('./MembersPage.tsx'), permission: 'members:write', nav: { label: 'members', group: 'admin', order: 10 } },
  { path: 'admin/keys', load: () => import('./KeysPage.tsx'), permission: 'settings:write', nav: { label: 'keys', group: 'admin', order: 20 } },
  { path: 'admin/audit', load: () => import('./AuditPage.tsx'), permission: 'audit:read', nav: { label: 'audit', group: 'admin', order: 30 } },
  { path: 'admin/jobs', load: () => import('./JobsPage.tsx'), permission: 'jobs:read', nav: { label: 'jobs', group: 'admin', order: 40 } },
]
