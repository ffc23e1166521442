import fc from 'fast-check'
import { entitySchemas, ENTITIES } from '../../src/domain/entities.ts'
import type { Db } from '../../src/store/db.ts'
import { startApp, workspace, authHeaders } from '../api/harness.ts'
import { checkRequest, fuzzRequest, type ApiTally } from './api-fuzz-property.ts'

/** Runs `cases` generated requests against every /api/v1 route of a fresh app over `db`, as an owner. */
export async function runApiFuzz(db: Db, cases: number, seed: number): Promise<ApiTally> {
  const app = await startApp(db)
  try {
    const ws = await workspace(db, `fuzz-${seed % 100000}`)
    await ws('POST', '/api/v1/customers', { external_id: 'f1', email: 'f@example.com' })
    await ws('POST', '/api/v1/products', { sku: 'f-p1', name: 'Tea' })
    const headers = authHeaders(app, `fuzz-${seed % 100000}`)
    // Sign-out would end nothing (keys have no session) but the route table is all routes but that one's side.
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1'))
    const fields = [...new Set(ENTITIES.flatMap((e) => Object.keys(entitySchemas[e].shape)))].concat(['items', 'role', 'email', 'password', 'slug'])
    const tally: ApiTally = { requests: 0, byStatus: {} }
    await fc.assert(
      fc.asyncProperty(fuzzRequest(routes.length, fields), (r) => checkRequest(app, db, routes, headers, ws.id, r, tally)),
      { numRuns: cases, seed, endOnFailure: true },
    )
    return tally
  } finally {
    await app.close()
  }
}
