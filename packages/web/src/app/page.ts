import type { ComponentType } from 'react'
import type { Permission } from '../lib/api/types.ts'

/**
 * A page of the dashboard, as a feature declares it. Adding a page is: write the component under
 * features/<area>/routes/, describe it here in the feature's routes/index.ts, and list that array once in
 * app/pages.ts. The router, the navigation and the permission check all read these descriptions.
 */
export interface Page {
  /** Path under the signed-in layout, e.g. `customers` or `customers/:id`. */
  path: string
  /** Loaded on first visit, so each page is its own chunk. */
  load: () => Promise<{ default: ComponentType }>
  /** Needed to open the page (the server checks again); the navigation hides pages the role cannot use. */
  permission?: Permission
  /** Shown in the side navigation when set: the i18n key of its label (namespace `nav`) and its group. */
  nav?: { label: string; group: NavGroup; order: number }
}

export type NavGroup = 'customers' | 'data' | 'admin'
export const NAV_GROUPS: NavGroup[] = ['customers', 'data', 'admin']
