import type { Page } from '../../../app/page.ts'

export const productPages: Page[] = [
  { path: 'products', load: () => import('./ProductsPage.tsx'), permission: 'customers:read', nav: { label: 'products', group: 'data', order: 10 } },
]
