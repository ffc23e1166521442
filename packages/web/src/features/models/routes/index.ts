import type { Page } from '../../../app/page.ts'

export const modelPages: Page[] = [
  { path: 'models', load: () => import('./ModelsPage.tsx'), permission: 'customers:read', nav: { label: 'models', group: 'customers', order: 50 } },
  { path: 'models/:id', load: () => import('./ModelDetailPage.tsx'), permission: 'customers:read' },
]
