/**
 * Every browser test, against one running Rapport: each suite file covers a feature's pages in both
 * languages. Run alone with `node --import tsx --test packages/web/e2e/browser.test.ts` after
 * `node scripts/build-web.mjs`.
 */
import { after, before, describe } from 'node:test'
import { startWorld, type World } from './harness.ts'
import { authSuite } from './suites/auth.ts'
import { customersSuite } from './suites/customers.ts'
import { adminSuite } from './suites/admin.ts'
import { customer360Suite } from './suites/customer360.ts'
import { catalogSuite } from './suites/catalog.ts'
import { importsSuite } from './suites/imports.ts'
import { insightsSuite } from './suites/insights.ts'
import { modelsSuite } from './suites/models.ts'
import { segmentsSuite } from './suites/segments.ts'
import { campaignsSuite } from './suites/campaigns.ts'
import { campaignSettingsSuite } from './suites/campaign-settings.ts'
import { knowledgeSuite } from './suites/knowledge.ts'
import { deskSuite } from './suites/desk.ts'
import { chatWidgetSuite } from './suites/chat-widget.ts'
import { deskAdminSuite } from './suites/desk-admin.ts'

describe('dashboard in Chromium', () => {
  let world: World | undefined
  before(async () => {
    world = await startWorld()
  })
  after(async () => {
    await world?.stop()
  })
  const get = (): World => {
    if (!world) throw new Error('the world did not start')
    return world
  }
  authSuite(get)
  customersSuite(get)
  adminSuite(get)
  customer360Suite(get)
  catalogSuite(get)
  importsSuite(get)
  insightsSuite(get)
  modelsSuite(get)
  segmentsSuite(get)
  campaignsSuite(get)
  campaignSettingsSuite(get)
  knowledgeSuite(get)
  deskSuite(get)
  chatWidgetSuite(get)
  deskAdminSuite(get)
})
