import type { Page } from './page.ts'
import { customerPages } from '../features/customers/routes/index.ts'
import { productPages } from '../features/products/routes/index.ts'
import { orderPages } from '../features/orders/routes/index.ts'
import { importPages } from '../features/imports/routes/index.ts'
import { adminPages } from '../features/admin/routes/index.ts'

/** Every page of the dashboard, feature by feature (see page.ts for how to add one). */
export const pages: Page[] = [...customerPages, ...productPages, ...orderPages, ...importPages, ...adminPages]
