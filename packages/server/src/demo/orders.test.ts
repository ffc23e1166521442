import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateDemoWithTruth } from './generate.ts'

const { data, truth } = generateDemoWithTruth()
const itemsByOrder = new Map<string, { sku: string; quantity: number; unit_price: number }[]>()
for (const it of data.order_items) {
  const list = itemsByOrder.get(it.order_id) ?? []
  list.push(it)
  itemsByOrder.set(it.order_id, list)
}
const lineOf = new Map(data.products.map((p) => [p.sku, String(p.attributes?.['line'] ?? '')]))

test('order totals equal the sum of their lines, to the cent', () => {
  for (const o of data.orders) {
    const items = itemsByOrder.get(o.external_id) ?? []
    assert.ok(items.length > 0, `${o.external_id} has no lines`)
    const cents = items.reduce((s, it) => s + it.quantity * Math.round(it.unit_price * 100), 0)
    assert.equal(Math.round(o.total * 100), cents, o.external_id)
    assert.ok(Math.abs(o.total - cents / 100) < 1e-9, o.external_id)
  }
})

test('churners place no orders and browse no more after they drop out', () => {
  const churned = Object.entries(truth.churnedAt)
  assert.ok(churned.length > 1000)
  const lastOrder = new Map<string, string>()
  for (const o of data.orders) lastOrder.set(o.customer_id, o.ordered_at)
  let violations = 0
  for (const [id, at] of churned) if ((lastOrder.get(id) ?? '') > at) violations++
  assert.equal(violations, 0)
  const browsing = new Set(['view', 'search', 'add_to_cart', 'remove_from_cart', 'wishlist', 'login'])
  for (const e of data.events) {
    const at = truth.churnedAt[e.customer_id]
    if (at !== undefined && browsing.has(e.type)) assert.ok(e.occurred_at <= at, `${e.external_id} ${e.type} after churn`)
  }
  // And the dropout is visible: far fewer churners than others bought in the last 90 days.
  const cutoff = '2026-08-03'
  const recent = new Set(data.orders.filter((o) => o.ordered_at >= cutoff).map((o) => o.customer_id))
  const buyers = new Set(data.orders.map((o) => o.customer_id))
  const share = (ids: string[]) => ids.filter((id) => recent.has(id)).length / ids.length
  const churners = [...buyers].filter((id) => id in truth.churnedAt)
  const stayers = [...buyers].filter((id) => !(id in truth.churnedAt))
  assert.ok(share(churners) < 0.5 * share(stayers), `${share(churners)} vs ${share(stayers)}`)
})

test('purchase rates are heterogeneous: counts are overdispersed and follow the latent rate', () => {
  const count = new Map<string, number>()
  for (const o of data.orders) count.set(o.customer_id, (count.get(o.customer_id) ?? 0) + 1)
  const xs = data.customers.map((c) => count.get(c.external_id) ?? 0)
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
  assert.ok(variance > 3 * mean, `variance ${variance} vs mean ${mean}`)
  // Among customers who never churned and signed up in the first year, count tracks the latent rate.
  const steady = data.customers.filter((c) => !(c.external_id in truth.churnedAt) && (c.signup_at ?? '') < '2025-11-01')
  const r = steady.map((c) => truth.purchaseRate[c.external_id] ?? 0)
  const k = steady.map((c) => count.get(c.external_id) ?? 0)
  assert.ok(correlation(r, k) > 0.6, `corr ${correlation(r, k)}`)
})

test('every planted bundle is bought together far above chance (lift > 2)', () => {
  const n = data.orders.length
  const lines = new Map<string, Set<string>>()
  for (const [order, items] of itemsByOrder) lines.set(order, new Set(items.map((it) => lineOf.get(it.sku) ?? '')))
  for (const bundle of truth.bundles) {
    const keys = bundle.map((skus) => lineOf.get(skus[0] ?? '') ?? '')
    for (let a = 0; a < keys.length; a++) {
      for (let b = a + 1; b < keys.length; b++) {
        let na = 0
        let nb = 0
        let nab = 0
        for (const set of lines.values()) {
          const ha = set.has(keys[a] ?? '')
          const hb = set.has(keys[b] ?? '')
          if (ha) na++
          if (hb) nb++
          if (ha && hb) nab++
        }
        const lift = (nab * n) / (na * nb)
        assert.ok(nab >= 20, `${keys[a]} + ${keys[b]}: only ${nab} baskets`)
        assert.ok(lift > 2, `${keys[a]} + ${keys[b]}: lift ${lift.toFixed(2)}`)
        assert.ok(nab / Math.min(na, nb) > 0.2, `${keys[a]} + ${keys[b]}: confidence ${(nab / Math.min(na, nb)).toFixed(2)}`)
      }
    }
  }
})

test('matching variants go together: phone cases and screen protectors for the same model', () => {
  const bySku = new Map(data.products.map((p) => [p.sku, p]))
  let same = 0
  let pairs = 0
  for (const items of itemsByOrder.values()) {
    const models = (line: string) => items.filter((it) => lineOf.get(it.sku) === line).map((it) => bySku.get(it.sku)?.attributes?.['variant'])
    const cases = models('phone-case')
    const guards = models('screen-protector')
    if (cases.length === 1 && guards.length === 1) {
      pairs++
      if (cases[0] === guards[0]) same++
    }
  }
  assert.ok(pairs > 20 && same / pairs > 0.7, `${same}/${pairs}`)
})

test("personas show in baskets: tagged pet owners buy pet supplies far above the average share", () => {
  const catOf = new Map(data.products.map((p) => [p.sku, p.category]))
  const ordersOf = new Map(data.orders.map((o) => [o.external_id, o.customer_id]))
  const petOwners = new Set(data.customers.filter((c) => c.tags?.includes('pet-owner')).map((c) => c.external_id))
  let all = 0
  let pet = 0
  let ownerAll = 0
  let ownerPet = 0
  for (const it of data.order_items) {
    const isPet = catOf.get(it.sku) === 'Pet Supplies'
    all++
    if (isPet) pet++
    if (petOwners.has(ordersOf.get(it.order_id) ?? '')) {
      ownerAll++
      if (isPet) ownerPet++
    }
  }
  assert.ok(ownerPet / ownerAll > 3 * (pet / all), `${ownerPet / ownerAll} vs ${pet / all}`)
})

test("Chinese customers mostly buy Chinese editions of books, others English ones", () => {
  const edition = new Map(data.products.map((p) => [p.sku, p.attributes?.['edition_language']]))
  const lang = new Map(data.customers.map((c) => [c.external_id, c.attributes?.['language']]))
  const buyer = new Map(data.orders.map((o) => [o.external_id, o.customer_id]))
  let match = 0
  let total = 0
  for (const it of data.order_items) {
    const e = edition.get(it.sku)
    if (e === undefined) continue
    total++
    if (lang.get(buyer.get(it.order_id) ?? '') === e) match++
  }
  assert.ok(total > 200 && match / total > 0.75, `${match}/${total}`)
})

test("Singles' Day lifts Chinese orders well above an ordinary day", () => {
  const cn = new Set(data.customers.filter((c) => c.country === 'CN').map((c) => c.external_id))
  const perDay = new Map<string, number>()
  for (const o of data.orders) if (cn.has(o.customer_id)) perDay.set(o.ordered_at.slice(0, 10), (perDay.get(o.ordered_at.slice(0, 10)) ?? 0) + 1)
  const peak = (perDay.get('2025-11-10') ?? 0) + (perDay.get('2025-11-11') ?? 0)
  const september = [...perDay].filter(([d]) => d.startsWith('2025-09')).reduce((s, [, x]) => s + x, 0) / 30
  assert.ok(peak / 2 > 2 * september, `peak ${peak / 2}/day vs ${september}/day in September`)
})

function correlation(x: number[], y: number[]): number {
  const n = x.length
  const mx = x.reduce((a, b) => a + b, 0) / n
  const my = y.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx
    const dy = (y[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / Math.sqrt(sxx * syy)
}
