import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { RouteInfo } from '../../src/api/plugins/auth.ts'
import { ERROR_CODES } from '../../src/errors/codes.ts'
import type { Db } from '../../src/store/db.ts'

/**
 * The API half of the fuzz suite (issue 13): requests generated from the route table and the OpenAPI
 * document (every route, its query parameter names and its body fields), with hostile values — NUL, lone
 * surrogates, huge and non-decimal numbers, deep JSON, injection strings, wrong types. The property: no 5xx,
 * every non-success in the one error shape with a code from the list, and a refused request changes nothing.
 */
export interface ApiTally {
  requests: number
  byStatus: Record<string, number>
}

const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', "' OR 1=1 --", '0x10', '1e400', '+1', ' 1', '-0', '9'.repeat(40), '2147483648', '0000-01-01', '9999-12-31T23:59:59Z', '%00', '../../etc/passwd', '<script>', '上海', '😀'),
)
const deepJson = fc.integer({ min: 30, max: 3000 }).map((n) => {
  let v: unknown = 1
  for (let i = 0; i < n; i++) v = { a: v }
  return v
})
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e300), fc.constant(-1),
  fc.array(hostileText, { maxLength: 3 }), deepJson, fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
)

export interface FuzzRequest {
  route: number
  pathValue: string
  query: Array<[string, string]>
  body: Record<string, unknown> | string
}

export function fuzzRequest(routes: number, fieldNames: readonly string[]): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    route: fc.integer({ min: 0, max: routes - 1 }),
    pathValue: fc.oneof(hostileText, fc.constantFrom('1', '2', '999999999', '0', '00000000-0000-0000-0000-000000000000')),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom('limit', 'cursor', 'sort', 'city', 'q', 'email', 'from', 'to', 'status', 'state', 'customer_id', 'sku', 'rating'), hostileText), hostileText), { maxLength: 3 }),
    body: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), hostileText), hostileValue, { maxKeys: 6 }),
      fc.constantFrom('{', '[]', 'null', '"x"', '{"items":[{}]}', '{"items":"x"}'),
    ),
  })
}

/** A checksum of everything a request could change in the fuzzed workspace. */
export async function snapshot(db: Db, workspaceId: number): Promise<string> {
  const tables = ['customers', 'products', 'orders', 'order_items', 'events', 'reviews', 'tickets', 'consents', 'api_keys', 'memberships', 'uploads']
  const parts = await Promise.all(
    tables.map(async (t) => {
      const [r] = await db.query<{ h: string | null }>(`SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM ${t} x WHERE workspace_id = $1`, [workspaceId])
      return `${t}:${r?.h ?? ''}`
    }),
  )
  return parts.join('|')
}

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s)
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')
  }
}

export async function checkRequest(app: FastifyInstance, db: Db, routes: RouteInfo[], headers: Record<string, string>, workspaceId: number, r: FuzzRequest, tally: ApiTally): Promise<void> {
  const route = routes[r.route] as RouteInfo
  const path = route.url.replace(/:([A-Za-z]+)/g, () => enc(r.pathValue))
  const qs = r.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')
  const url = qs ? `${path}?${qs}` : path
  const writes = !['GET', 'HEAD'].includes(route.method)
  const before = writes ? await snapshot(db, workspaceId) : ''
  const payload = typeof r.body === 'string' ? r.body : JSON.stringify(r.body)
  const res = await app.inject({
    method: route.method as InjectOptions['method'], url,
    headers: { ...headers, ...(['POST', 'PATCH', 'PUT'].includes(route.method) ? { 'content-type': 'application/json' } : {}) },
    ...(['POST', 'PATCH', 'PUT'].includes(route.method) ? { payload } : {}),
  })
  tally.requests++
  tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1
  const where = `${route.method} ${url} ${payload.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`
  assert.ok(res.statusCode < 500, where)
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { error?: { code?: string; message?: unknown } }
    assert.deepEqual(Object.keys(body), ['error'], where)
    assert.ok((ERROR_CODES as readonly string[]).includes(String(body.error?.code)), where)
    assert.equal(typeof body.error?.message, 'string', where)
    if (writes && !route.url.endsWith('/login')) assert.equal(await snapshot(db, workspaceId), before, `a refused request changed data: ${where}`)
  }
}
