import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { generateDemoWithTruth } from '../../../demo/generate.ts'
import { loadDemo } from '../../demo/load-demo.ts'
import type { Db } from '../../../store/db.ts'
import { trainModel } from '../run-model.ts'
import { versionById } from '../model-versions.ts'

/**
 * RFM and clusters on the demo workspace (5,000 customers, seed 1, PGlite): who gets a row, the time each
 * takes (printed against the budgets: RFM ≤ 2 s, clusters ≤ 10 s, train + score), and how the clusters line
 * up with the shopper personas the generator planted (its hidden truth: each customer's main persona).
 */
const CUSTOMERS = 5000
const SEED = 1
const actor = systemActor(1)

describe('RFM and clusters on the demo', () => {
  let db: Db
  let buyers: number
  before(async () => {
    db = await (backends()[0] as NonNullable<ReturnType<typeof backends>[0]>).open()
    const t0 = performance.now()
    await loadDemo(db, { actor, customers: CUSTOMERS, seed: SEED })
    console.log(`demo load: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const [row] = await db.query<{ n: number }>(`SELECT count(DISTINCT customer_id)::int AS n FROM orders WHERE workspace_id = 1 AND status = 'completed'`)
    buyers = Number(row?.n)
  })
  after(() => db.close())

  test('rfm: one row per customer with a completed order, every segment of the grid consistent', async () => {
    const cpu = process.cpuUsage()
    const r = await trainModel({ db, actor }, 'rfm')
    console.log(`rfm: train ${r.seconds.train.toFixed(2)} s + score ${r.seconds.score.toFixed(2)} s wall, ${cpuSeconds(cpu)} s CPU (budget 2 s)`)
    assert.equal(r.status, 'active')
    assert.equal(r.scored?.rows, buyers)
    const v = await versionById(db, 1, r.versionId)
    const report = v?.report as { segments: Array<{ segment: string; customers: number; revenue: number }>; grid: Array<{ customers: number }> }
    console.log(report.segments.map((s) => `${s.segment} ${s.customers}`).join(', '))
    assert.equal(report.grid.length, 25)
    assert.equal(report.grid.reduce((s, c) => s + c.customers, 0), buyers)
    assert.equal(report.segments.reduce((s, c) => s + c.customers, 0), buyers)
    const stored = await db.query<{ label: string; n: number }>(`SELECT label, count(*)::int AS n FROM customer_scores WHERE workspace_id = 1 AND kind = 'rfm' GROUP BY label`)
    for (const seg of report.segments) assert.equal(stored.find((s) => s.label === seg.segment)?.n, seg.customers, seg.segment)
  })

  test('clusters: every buyer assigned; clusters purer than the largest planted persona share', async () => {
    const cpu = process.cpuUsage()
    const r = await trainModel({ db, actor }, 'clusters')
    console.log(`clusters: train ${r.seconds.train.toFixed(2)} s + score ${r.seconds.score.toFixed(2)} s wall, ${cpuSeconds(cpu)} s CPU (budget 10 s)`)
    assert.equal(r.status, 'active', r.reason ?? '')
    assert.equal(r.scored?.rows, buyers)
    const v = await versionById(db, 1, r.versionId)
    const report = v?.report as { k: number; silhouette: number; choose_k: Array<{ k: number; silhouette: number }>; clusters: Array<{ cluster: number; customers: number; persona: { en: string; 'zh-CN': string }; keywords: string[] }> }
    console.log(`k = ${report.k}, silhouette ${report.silhouette}; choose-k: ${report.choose_k.map((s) => `${s.k}:${s.silhouette}`).join(' ')}`)
    for (const c of report.clusters) console.log(`  ${c.cluster} (${c.customers}): ${c.persona.en} / ${c.persona['zh-CN']}  [${c.keywords.slice(0, 5).join(', ')}]`)
    assert.equal(new Set(report.clusters.map((c) => c.persona.en)).size, report.k, 'persona names are unique')

    const { truth } = generateDemoWithTruth({ customers: CUSTOMERS, seed: SEED })
    const rows = await db.query<{ external_id: string; cluster: number }>(
      `SELECT c.external_id, (s.details->>'cluster')::int AS cluster FROM customer_scores s JOIN customers c ON c.workspace_id = s.workspace_id AND c.id = s.customer_id
        WHERE s.workspace_id = 1 AND s.kind = 'cluster'`,
    )
    const planted = rows.map((x) => truth.personas[x.external_id]?.[0] ?? '?')
    const found = rows.map((x) => Number(x.cluster))
    const { purity, largestShare, ari } = agreement(found, planted)
    console.log(`alignment with the planted main personas (${new Set(planted).size} of them): purity ${purity.toFixed(3)} (largest persona ${largestShare.toFixed(3)}), adjusted Rand index ${ari.toFixed(3)}`)
    // Purity: the share of customers whose cluster's most common planted persona is theirs. Clusters that
    // ignored the personas would score about the largest persona's share.
    assert.ok(purity > largestShare + 0.2, `purity ${purity} vs largest persona share ${largestShare}`)
    assert.ok(ari > 0.2, `adjusted Rand index ${ari}`)
  })
})

/** CPU seconds of this process since `from` (PGlite runs in it): the cost when the machine is shared. */
function cpuSeconds(from: NodeJS.CpuUsage): string {
  const u = process.cpuUsage(from)
  return ((u.user + u.system) / 1e6).toFixed(2)
}

/** Purity, the largest class's share and the adjusted Rand index (Hubert & Arabie 1985) of two labellings. */
function agreement(a: readonly number[], b: readonly string[]): { purity: number; largestShare: number; ari: number } {
  const n = a.length
  const cells = new Map<string, number>()
  const rowsA = new Map<number, number>()
  const rowsB = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`
    cells.set(key, (cells.get(key) ?? 0) + 1)
    rowsA.set(a[i] as number, (rowsA.get(a[i] as number) ?? 0) + 1)
    rowsB.set(b[i] as string, (rowsB.get(b[i] as string) ?? 0) + 1)
  }
  const bestInCluster = new Map<number, number>()
  for (const [key, count] of cells) {
    const c = Number(key.split('\u0000')[0])
    bestInCluster.set(c, Math.max(bestInCluster.get(c) ?? 0, count))
  }
  const purity = [...bestInCluster.values()].reduce((s, v) => s + v, 0) / n
  const largestShare = Math.max(...rowsB.values()) / n
  const pairs = (x: number) => (x * (x - 1)) / 2
  const sum = (xs: Iterable<number>) => [...xs].reduce((s, v) => s + pairs(v), 0)
  const index = sum(cells.values())
  const expected = (sum(rowsA.values()) * sum(rowsB.values())) / pairs(n)
  const maxIndex = (sum(rowsA.values()) + sum(rowsB.values())) / 2
  return { purity, largestShare, ari: (index - expected) / (maxIndex - expected) }
}
