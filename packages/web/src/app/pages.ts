import type { Page } from './page.ts'
import { customerPages } from '../features/customers/routes/index.ts'
import { productPages } from '../features/products/routes/index.ts'
import { orderPages } from '../features/orders/routes/index.ts'
import { importPages } from '../features/imports/routes/index.ts'
import { adminPages } from '../features/admin/routes/index.ts'
import { modelPages } from '../features/models/routes/index.ts'
import { insightPages } from '../features/insights/routes/index.ts'
import { segmentPages } from '../features/segments/routes/index.ts'
import { campaignPages } from '../features/campaigns/routes/index.ts'
import { knowledgePages } from '../features/knowledge/routes/index.ts'
import { deskPages } from '../features/desk/routes/index.ts'

/** Every page of the dashboard, feature by feature (see page.ts for how to add one). */
export const pages: Page[] = [...insightPages, ...customerPages, ...segmentPages, ...campaignPages, ...deskPages, ...knowledgePages, ...productPages, ...orderPages, ...importPages, ...adminPages, ...modelPages]
