import { systemActor } from '../../../src/domain/actor.ts'
import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { importRows } from '../../../src/services/import/import-rows.ts'
import { itemRows } from '../../../src/services/records/ingest-batch.ts'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

interface Row {
  id: number
  name: string | null
  signup_at: string | null
  created_at: string
}

const N = 137

/** Expected order: value ascending with nulls last (descending: the exact reverse), ties broken by id. */
function expected(rows: Row[], field: 'id' | 'name' | 'signup_at' | 'created_at', desc: boolean): number[] {
  const cmp = (a: Row, b: Row): number => {
    const x = a[field]
    const y = b[field]
    if (x === y) return a.id - b.id
    if (x === null) return 1
    if (y === null) return -1
    return x < y ? -1 : 1
  }
  const sorted = [...rows].sort(cmp).map((r) => r.id)
  return desc ? sorted.reverse() : sorted
}

async function walk(api: Client, sort: string, limit: number, onPage?: (page: number) => Promise<void>): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const qs: string = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const r = await api('GET', `/api/v1/customers?${qs}`)
    assert.equal(r.status, 200, r.text)
    assert.ok(r.body.data.length <= limit)
    ids.push(...r.body.data.map((c: Row) => c.id))
    cursor = r.body.next_cursor
    pages++
    await onPage?.(pages)
  } while (cursor)
  return { ids, pages }
}

export function paginationSuite(ctx: () => ApiContext): void {
  describe('pagination', () => {
    let api: Client & { id: number }
    let all: Row[]
    before(async () => {
      api = await workspace(ctx().db, 'pages')
      // Repeated and missing sort values on purpose: ties and NULLs are where keyset pagination goes wrong.
      const items = Array.from({ length: N }, (_, i) => ({
        external_id: `p${String(i).padStart(3, '0')}`,
        ...(i % 5 === 0 ? {} : { name: `N${i % 7}` }),
        ...(i % 4 === 0 ? {} : { signup_at: `2024-0${1 + (i % 3)}-01T00:00:00Z` }),
      }))
      const s = await importRows(ctx().db, itemRows(items), { entity: 'customers', actor: systemActor(api.id) })
      assert.equal(s.inserted, N)
      all = (await api('GET', '/api/v1/customers?limit=500')).body.data
      assert.equal(all.length, N)
    })

    for (const sort of ['id', '-id', 'name', '-name', 'signup_at', '-signup_at', 'created_at', '-created_at']) {
      test(`walking every page sorted by ${sort} returns each record once, in order`, async () => {
        const desc = sort.startsWith('-')
        const { ids, pages } = await walk(api, sort, 10)
        assert.equal(pages, Math.ceil(N / 10))
        assert.equal(new Set(ids).size, N, 'no duplicates')
        assert.deepEqual(ids, expected(all, sort.replace('-', '') as 'id', desc))
      })
    }

    test('limit defaults to 50 and may not exceed 500; the last page has next_cursor null', async () => {
      const first = await api('GET', '/api/v1/customers')
      assert.equal(first.body.data.length, 50)
      assert.equal(typeof first.body.next_cursor, 'string')
      const { pages } = await walk(api, 'id', 500)
      assert.equal(pages, 1)
      for (const bad of ['limit=501', 'limit=0', 'limit=ten', 'sort=email']) {
        const r = await api('GET', `/api/v1/customers?${bad}`)
        assert.equal(r.status, 400, bad)
        assert.equal(errorOf(r).code, 'validation_failed')
      }
    })

    test('a cursor is only valid for the sort that made it; garbage cursors are 400', async () => {
      const c = (await api('GET', '/api/v1/customers?sort=name&limit=5')).body.next_cursor
      const other = await api('GET', `/api/v1/customers?sort=-name&cursor=${c}`)
      assert.equal(other.status, 400)
      assert.equal(errorOf(other).details?.[0]?.path, 'query.cursor')
      assert.equal((await api('GET', '/api/v1/customers?cursor=bm9wZQ')).status, 400)
      assert.equal((await api('GET', '/api/v1/customers?cursor=%%%')).status, 400)
    })

    test('records created while walking do not shift the pages (keyset, not offset)', async () => {
      let added = 0
      const { ids } = await walk(api, 'id', 20, async (page) => {
        if (page === 2) {
          assert.equal((await api('POST', '/api/v1/customers', { external_id: 'late' })).status, 201)
          added = (await api('GET', '/api/v1/customers/by-external/late')).body.id
        }
      })
      assert.equal(new Set(ids).size, ids.length)
      assert.equal(ids.length, N + 1)
      assert.equal(ids.at(-1), added)
    })
  })
}
