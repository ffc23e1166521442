import type { Page } from '../../../app/page.ts'

export const insightPages: Page[] = [
  { path: 'overview', load: () => import('./OverviewPage.tsx'), permission: 'customers:read', nav: { label: 'overview', group: 'customers', order: 1 } },
  { path: 'insights', load: () => import('./InsightsPage.tsx'), permission: 'customers:read', nav: { label: 'insights', group: 'customers', order: 20 } },
]
