import type { Page } from '../../../app/page.ts'

export const customerPages: Page[] = [
  { path: 'customers', load: () => import('./CustomersPage.tsx'), permission: 'customers:read', nav: { label: 'customers', group: 'customers', order: 10 } },
  { path: 'customers/:id', load: () => import('./Customer360Page.tsx'), permission: 'customers:read' },
]
