import { quintileScores, rfmSegment, RFM_SEGMENTS, type RfmSegmentName } from '@rapport/ml'
import { z } from 'zod'
import { modelEnvelope } from '../../models/model-envelope.ts'
import type { ModelKind, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { percentileRanks, recordSegmentMoves, replaceCustomerScores, type CustomerScoreRow } from '../score-writes.ts'
import { rfmValues, type RfmValues } from './rfm-values.ts'

const optionsSchema = z.strictObject({})

/** Quintiles of fewer customers than this say little (four per score). */
export const RFM_MIN_CUSTOMERS = 20

/** The library's segment names (rfm-segments.ts) in Chinese, for the dashboard and the 360° view. */
export const RFM_SEGMENT_ZH: Record<RfmSegmentName, string> = {
  Champions: '冠军客户',
  Loyal: '忠诚客户',
  'Potential loyalist': '潜力忠诚客户',
  New: '新客户',
  Promising: '有潜力客户',
  'Need attention': '需要关注',
  'About to sleep': '即将沉睡',
  'At risk': '流失风险',
  "Can't lose them": '不能失去',
  Hibernating: '休眠客户',
  Lost: '已流失',
}

interface RfmScores {
  values: RfmValues
  r: Int8Array
  f: Int8Array
  m: Int8Array
  segments: RfmSegmentName[]
}

/**
 * RFM: recency, frequency and monetary value per customer with a completed order before T (one SQL GROUP BY,
 * rfm-values.ts), quintile scores 1–5 among those customers (5 best) and the named segment of the R/F grid
 * (@rapport/ml segment/rfm.ts and rfm-segments.ts). A rule, not a fit: no backtest, so a version activates
 * as trained, and every scoring run recomputes the quintiles on the data as of its T. Stored per customer:
 * score = r + f + m (3–15), label = segment, details {r, f, m, recency_days, frequency, monetary}.
 */
export const rfmModel: ModelKind = {
  name: 'rfm',
  title: { en: 'RFM segments', 'zh-CN': 'RFM 客户分层' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const params = { ...(raw as Record<string, unknown>) }
    await ctx.progress(0, 'recency, frequency and monetary value')
    const s = rfmScores(await rfmValues(ctx.db, ctx.workspaceId, ctx.asOf))
    const n = s.values.customerIds.length
    const training = { window: { orders_before: ctx.asOf.toISOString() }, rows: { customers: n }, excludedNoProfilingConsent: s.values.excludedNoProfilingConsent }
    if (n < RFM_MIN_CUSTOMERS) {
      return { status: 'insufficient_data', reason: `needs ≥ ${RFM_MIN_CUSTOMERS} customers with a completed order before ${ctx.asOf.toISOString().slice(0, 10)}; this workspace has ${n}`, params, training }
    }
    const report = rfmReport(s)
    const metrics = { customers: n, segments: report.segments.length, champions: report.segments.find((x) => x.segment === 'Champions')?.customers ?? 0 }
    const artefact = modelEnvelope({
      kind: 'segmentation', trainedOn: { rows: n, asOf: ctx.asOf.toISOString() }, params, metrics,
      payload: { rule: 'rfm-quintiles', scores: 'quintiles of the customers with a completed order as of the scoring time', segments: [...RFM_SEGMENTS] },
    })
    return { status: 'trained', params, training, metrics, report, artefact }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    await ctx.progress(0, 'recency, frequency and monetary value')
    const s = rfmScores(await rfmValues(ctx.db, ctx.workspaceId, ctx.asOf))
    const v = s.values
    const combined = Float64Array.from(s.r, (r, i) => r + (s.f[i] as number) + (s.m[i] as number))
    const pct = percentileRanks(combined)
    const rows: CustomerScoreRow[] = Array.from(v.customerIds, (id, i) => ({
      customerId: id,
      score: combined[i] as number,
      percentile: pct[i] as number,
      label: s.segments[i] as string,
      details: {
        r: s.r[i], f: s.f[i], m: s.m[i], code: `${s.r[i]}${s.f[i]}${s.m[i]}`,
        recency_days: v.recencyDays[i], frequency: v.frequency[i], monetary: round2(v.monetary[i] as number),
      },
    }))
    const counts: Record<string, number> = {}
    for (const seg of s.segments) counts[seg] = (counts[seg] ?? 0) + 1
    return {
      rows: rows.length,
      summary: { segments: counts, excludedNoProfilingConsent: v.excludedNoProfilingConsent },
      write: async (tx) => {
        await replaceCustomerScores(tx, ctx.workspaceId, 'rfm', version.id, rows)
        await recordSegmentMoves(tx, ctx.workspaceId, 'rfm', rows.map((r) => ({ customerId: r.customerId, segment: r.label as string })), ctx.asOf)
      },
    }
  },
}

function rfmScores(values: RfmValues): RfmScores {
  const r = quintileScores(values.recencyDays.map((d) => -d))
  const f = quintileScores(values.frequency)
  const m = quintileScores(values.monetary)
  return { values, r, f, m, segments: Array.from(r, (rs, i) => rfmSegment(rs, f[i] as number)) }
}

/**
 * What the Insights page draws: each segment's size, revenue and shares (largest revenue first) and the 5 × 5
 * R × F grid with the customers and revenue of every cell (empty cells included, so the grid is whole).
 */
export function rfmReport(s: RfmScores) {
  const v = s.values
  const n = v.customerIds.length
  let total = 0
  for (const x of v.monetary) total += x
  const bySegment = new Map<RfmSegmentName, { customers: number; revenue: number; recency: number; frequency: number }>()
  const grid = new Float64Array(50)
  for (let i = 0; i < n; i++) {
    const seg = s.segments[i] as RfmSegmentName
    const g = bySegment.get(seg) ?? { customers: 0, revenue: 0, recency: 0, frequency: 0 }
    g.customers++
    g.revenue += v.monetary[i] as number
    g.recency += v.recencyDays[i] as number
    g.frequency += v.frequency[i] as number
    bySegment.set(seg, g)
    const cell = ((s.r[i] as number) - 1) * 5 + ((s.f[i] as number) - 1)
    grid[cell * 2] = (grid[cell * 2] as number) + 1
    grid[cell * 2 + 1] = (grid[cell * 2 + 1] as number) + (v.monetary[i] as number)
  }
  const segments = [...bySegment]
    .map(([segment, g]) => ({
      segment, name: { en: segment, 'zh-CN': RFM_SEGMENT_ZH[segment] },
      customers: g.customers, share: round4(g.customers / n),
      revenue: round2(g.revenue), revenue_share: total > 0 ? round4(g.revenue / total) : 0,
      mean_recency_days: round2(g.recency / g.customers), mean_frequency: round2(g.frequency / g.customers), mean_monetary: round2(g.revenue / g.customers),
    }))
    .sort((a, b) => b.revenue - a.revenue || a.segment.localeCompare(b.segment))
  const cells = []
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const cell = (r - 1) * 5 + (f - 1)
      cells.push({ r, f, segment: rfmSegment(r, f), customers: grid[cell * 2] as number, monetary: round2(grid[cell * 2 + 1] as number) })
    }
  }
  return { customers: n, revenue: round2(total), segments, grid: cells }
}

const round2 = (x: number) => Math.round(x * 100) / 100
const round4 = (x: number) => Math.round(x * 1e4) / 1e4
