import type { Page } from '../../../app/page.ts'

// Reading needs what the API's list asks (customers:read); writing is kb:write (owner, admin, agent).
export const knowledgePages: Page[] = [
  { path: 'knowledge', load: () => import('./KnowledgePage.tsx'), permission: 'customers:read', nav: { label: 'knowledge', group: 'customers', order: 30 } },
  { path: 'knowledge/new', load: () => import('./ArticleEditPage.tsx'), permission: 'kb:write' },
  { path: 'knowledge/:id', load: () => import('./ArticleEditPage.tsx'), permission: 'customers:read' },
]
