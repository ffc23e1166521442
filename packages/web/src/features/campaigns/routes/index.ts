import type { Page } from '../../../app/page.ts'

export const campaignPages: Page[] = [
  { path: 'campaigns', load: () => import('./CampaignsPage.tsx'), permission: 'customers:read', nav: { label: 'campaigns', group: 'customers', order: 20 } },
  { path: 'campaigns/new', load: () => import('./CampaignEditPage.tsx'), permission: 'campaigns:send' },
  // Static segments outrank :id in react-router's matching whatever the order; listed before it all the same.
  { path: 'campaigns/settings', load: () => import('./CampaignSettingsPage.tsx'), permission: 'customers:read', nav: { label: 'campaignSettings', group: 'customers', order: 23 } },
  { path: 'campaigns/:id', load: () => import('./CampaignDetailPage.tsx'), permission: 'customers:read' },
  { path: 'campaigns/:id/edit', load: () => import('./CampaignEditPage.tsx'), permission: 'campaigns:send' },
  // The Outbox and the suppression list show e-mail addresses: pii:read, as the API asks.
  { path: 'outbox', load: () => import('./OutboxPage.tsx'), permission: 'pii:read', nav: { label: 'outbox', group: 'customers', order: 21 } },
  { path: 'outbox/:id', load: () => import('./OutboxMessagePage.tsx'), permission: 'pii:read' },
  { path: 'suppressions', load: () => import('./SuppressionsPage.tsx'), permission: 'pii:read', nav: { label: 'suppressions', group: 'customers', order: 22 } },
]
