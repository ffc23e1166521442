import type { Page } from '../../../app/page.ts'

export const segmentPages: Page[] = [
  { path: 'segments', load: () => import('./SegmentsPage.tsx'), permission: 'customers:read', nav: { label: 'segments', group: 'customers', order: 15 } },
  { path: 'segments/new', load: () => import('./SegmentEditPage.tsx'), permission: 'segments:write' },
  { path: 'segments/:id', load: () => import('./SegmentDetailPage.tsx'), permission: 'customers:read' },
  { path: 'segments/:id/edit', load: () => import('./SegmentEditPage.tsx'), permission: 'segments:write' },
]
