import { systemActor } from '../../packages/server/src/domain/actor.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { boundedSegmentQuery, compileForWorkspace } from '../../packages/server/src/services/segments/compile-for-workspace.ts'
import type { CompiledSegment } from '../../packages/server/src/services/segments/compiler/compile-segment.ts'
import { previewSegment, type SegmentPreview } from '../../packages/server/src/services/segments/preview-segment.ts'
import { refreshSegment, type RefreshResult } from '../../packages/server/src/services/segments/refresh-segment.ts'
import { createSegment } from '../../packages/server/src/services/segments/segments-service.ts'
import { DATA_NOW, WORKSPACE } from './segments-data.ts'
import { BENCH_TREE, changeOnePercent, HAND_COUNT_SQL, type DataChange } from './segments-queries.ts'

export const RUNS = 5
const actor = systemActor(WORKSPACE, 'cli')
/** The second refresh runs an hour after the first; the changed rows are stamped in between. */
export const SECOND_REFRESH_AT = new Date(DATA_NOW.getTime() + 3_600_000)

export interface Timing {
  /** Median of RUNS runs after one warm-up, in ms. */
  medianMs: number
  runsMs: number[]
}

export async function timedRuns<T>(fn: () => Promise<T>, runs = RUNS): Promise<Timing & { value: T }> {
  let value = await fn()
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    value = await fn()
    runsMs.push(performance.now() - t0)
  }
  const sorted = [...runsMs].sort((a, b) => a - b)
  return { value, runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] as number }
}

/** The compiled tree's count, built as preview-segment.ts builds its total: the compiler's FROM and WHERE. */
export function compiledCountSql(c: CompiledSegment): string {
  return `SELECT count(*) AS n FROM ${c.from}\nWHERE t.workspace_id = $1 AND ${c.where}`
}

export const compileAt = (db: Db, now: Date): Promise<CompiledSegment> => compileForWorkspace(db, WORKSPACE, BENCH_TREE, { now })

/** Runs a count the way the product runs segment queries (boundedSegmentQuery: its timeout and session settings). */
async function countOf(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [r] = await boundedSegmentQuery(db, (tx) => tx.query<{ n: number }>(sql, params))
  return Number(r?.n ?? -1)
}

/** Both counts at one instant; throws when the compiled query and the hand-written one disagree. */
export async function agreeingCounts(db: Db, now: Date): Promise<{ compiled: number; hand: number }> {
  const c = await compileAt(db, now)
  const compiled = await countOf(db, compiledCountSql(c), c.params)
  const hand = await countOf(db, HAND_COUNT_SQL, [now.toISOString()])
  if (compiled !== hand) throw new Error(`bench: the compiled segment counts ${compiled} customers at ${now.toISOString()} but the hand-written query ${hand}`)
  return { compiled, hand }
}

export interface CountMeasure {
  count: number
  compiled: Timing
  hand: Timing
  compiledSql: string
  params: unknown[]
  plan: string[]
  handPlan: string[]
}

export async function measureCounts(db: Db, withPlans: boolean): Promise<CountMeasure> {
  const c = await compileAt(db, DATA_NOW)
  const sql = compiledCountSql(c)
  const compiled = await timedRuns(() => countOf(db, sql, c.params))
  const hand = await timedRuns(() => countOf(db, HAND_COUNT_SQL, [DATA_NOW.toISOString()]))
  if (compiled.value !== hand.value) throw new Error(`bench: the compiled segment counts ${compiled.value} customers but the hand-written query ${hand.value}`)
  const explain = async (q: string, params: unknown[]) =>
    (await boundedSegmentQuery(db, (tx) => tx.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, params))).map((r) => String(Object.values(r)[0]))
  return {
    count: compiled.value, compiled, hand, compiledSql: sql, params: c.params,
    plan: withPlans ? await explain(sql, c.params) : [],
    handPlan: withPlans ? await explain(HAND_COUNT_SQL, [DATA_NOW.toISOString()]) : [],
  }
}

export type PreviewMeasure = (Timing & { value: SegmentPreview }) | { error: string; ms: number }

/** The preview as the API calls it; a run stopped by the product's statement timeout is reported, not fatal. */
export async function measurePreview(db: Db): Promise<PreviewMeasure> {
  const t0 = performance.now()
  try {
    return await timedRuns(() => previewSegment(db, actor, BENCH_TREE, { now: DATA_NOW, sample: 20 }))
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err), ms: performance.now() - t0 }
  }
}

export interface RefreshOutcome {
  ms: number
  result?: RefreshResult
  /** What stopped it (the product's statement timeout, say). */
  error?: string
  /** The compiled (and hand-written) count at the refresh's instant, to check the membership against. */
  expected: number
}

export interface RefreshMeasure {
  first: RefreshOutcome
  change: DataChange
  second: RefreshOutcome
}

async function timedRefresh(db: Db, id: number, now: Date): Promise<RefreshOutcome> {
  const t0 = performance.now()
  let result: RefreshResult | undefined
  let error: string | undefined
  try {
    result = await refreshSegment(db, actor, id, { now })
  } catch (err) {
    error = err instanceof Error ? err.message : String(err)
  }
  const ms = performance.now() - t0
  const { compiled } = await agreeingCounts(db, now)
  if (result && result.members !== compiled) throw new Error(`bench: the refresh at ${now.toISOString()} stored ${result.members} members but the segment counts ${compiled}`)
  return { ms, expected: compiled, ...(result && { result }), ...(error !== undefined && { error }) }
}

/** First refresh into an empty membership, ~1 % of the data changed, second refresh (exits and entries). */
export async function measureRefresh(db: Db): Promise<RefreshMeasure> {
  const segment = await createSegment(db, null, actor, { name: 'Bench: Shanghai, active, at risk', kind: 'dynamic', tree: BENCH_TREE })
  const first = await timedRefresh(db, segment.id, DATA_NOW)
  const change = await changeOnePercent(db, DATA_NOW, SECOND_REFRESH_AT)
  const second = await timedRefresh(db, segment.id, SECOND_REFRESH_AT)
  return { first, change, second }
}
