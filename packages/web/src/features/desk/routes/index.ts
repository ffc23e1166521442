import type { Page } from '../../../app/page.ts'

// Reading needs what the API's inbox asks (customers:read); replying and changing conversations is desk:reply (owner, admin, agent).
export const deskPages: Page[] = [
  { path: 'desk', load: () => import('./InboxPage.tsx'), permission: 'customers:read', nav: { label: 'desk', group: 'customers', order: 25 } },
  { path: 'desk/:id', load: () => import('./ConversationPage.tsx'), permission: 'customers:read' },
]
