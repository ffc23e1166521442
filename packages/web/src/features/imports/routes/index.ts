import type { Page } from '../../../app/page.ts'

export const importPages: Page[] = [
  { path: 'imports', load: () => import('./ImportsPage.tsx'), permission: 'import', nav: { label: 'imports', group: 'data', order: 40 } },
]
