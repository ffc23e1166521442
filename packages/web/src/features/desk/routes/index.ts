import type { Page } from '../../../app/page.ts'

// Reading needs what the API's inbox asks (customers:read); replying and changing conversations is desk:reply (owner, admin, agent).
export const deskPages: Page[] = [
  { path: 'desk', load: () => import('./InboxPage.tsx'), permission: 'customers:read', nav: { label: 'desk', group: 'customers', order: 25 } },
  // The chat widget's settings: read with the desk; changing them is settings:write (checked by the page and the API).
  { path: 'desk/widget', load: () => import('./ChatWidgetPage.tsx'), permission: 'customers:read', nav: { label: 'chatWidget', group: 'customers', order: 26 } },
  // Reports and the desk's settings (hours, service levels, teams, agents, routing): read with the desk; changing settings is settings:write.
  { path: 'desk/reports', load: () => import('./DeskReportsPage.tsx'), permission: 'customers:read', nav: { label: 'deskReports', group: 'customers', order: 27 } },
  { path: 'desk/settings', load: () => import('./DeskSettingsPage.tsx'), permission: 'customers:read', nav: { label: 'deskSettings', group: 'customers', order: 28 } },
  // Saved replies (canned responses): read with the desk; writing them is desk:reply (checked by the page and the API).
  { path: 'desk/canned', load: () => import('./CannedResponsesPage.tsx'), permission: 'customers:read', nav: { label: 'deskCanned', group: 'customers', order: 29 } },
  { path: 'desk/:id', load: () => import('./ConversationPage.tsx'), permission: 'customers:read' },
]
