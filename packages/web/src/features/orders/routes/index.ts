import type { Page } from '../../../app/page.ts'

export const orderPages: Page[] = [
  { path: 'orders', load: () => import('./OrdersPage.tsx'), permission: 'customers:read', nav: { label: 'orders', group: 'data', order: 20 } },
  { path: 'orders/:id', load: () => import('./OrderDetailPage.tsx'), permission: 'customers:read' },
]
