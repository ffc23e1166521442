import { after, before, describe } from 'node:test'
import { backends } from '../backends.ts'
import type { Db } from '../../src/store/db.ts'
import { startApp, type ApiContext } from './harness.ts'
import { customerSuite } from './suites/customers.ts'
import { entitySuite } from './suites/entities.ts'
import { paginationSuite } from './suites/pagination.ts'
import { batchSuite } from './suites/batch.ts'
import { customer360Suite } from './suites/customer-360.ts'
import { docsAndLogsSuite } from './suites/docs-and-logs.ts'
import { securitySuite } from './suites/security.ts'
import { jobsSuite } from './suites/jobs.ts'
import { modelsSuite } from './suites/models.ts'
import { campaignsSuite } from './suites/campaigns.ts'
import { segmentsSuite } from './suites/segments.ts'
import { knowledgeSuite } from './suites/knowledge.ts'
import { deskSuite } from './suites/desk.ts'
import { chatWidgetSuite } from './suites/chat-widget.ts'
import { deskCannedSuite } from './suites/desk-canned.ts'

/**
 * The REST API integration suite, over every backend (PGlite always, PostgreSQL when TEST_DATABASE_URL is
 * set). One database per backend; each suite works in a workspace of its own.
 */
for (const backend of backends()) {
  describe(`API on ${backend.name}`, () => {
    let ctx: ApiContext | undefined
    before(async () => {
      const db: Db = await backend.open()
      ctx = { db, app: await startApp(db), backend: backend.name }
    })
    after(async () => {
      await ctx?.app.close()
      await ctx?.db.close()
    })
    const get = (): ApiContext => {
      if (!ctx) throw new Error('backend not open')
      return ctx
    }
    customerSuite(get)
    entitySuite(get)
    paginationSuite(get)
    batchSuite(get)
    customer360Suite(get)
    docsAndLogsSuite(get)
    securitySuite(get)
    jobsSuite(get)
    modelsSuite(get)
    segmentsSuite(get)
    campaignsSuite(get)
    knowledgeSuite(get)
    deskSuite(get)
    chatWidgetSuite(get)
    deskCannedSuite(get)
  })
}
