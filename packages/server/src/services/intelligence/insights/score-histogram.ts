import type { Db } from '../../../store/db.ts'

export interface HistogramBin {
  from: number
  to: number
  customers: number
}

/**
 * Counts of the stored scores of one kind in `bins` equal-width bins over [lo, hi], one GROUP BY in SQL.
 * Scores below lo count in the first bin and scores above hi (or equal to it) in the last, so the bins add
 * up to every scored customer.
 */
export async function scoreHistogram(db: Db, workspaceId: number, scoreKind: string, lo: number, hi: number, bins: number): Promise<HistogramBin[]> {
  const rows = await db.query<{ b: number; n: number }>(
    `SELECT least(greatest(width_bucket(score, $3::float8, $4::float8, $5::int), 1), $5::int) AS b, count(*)::int AS n
     FROM customer_scores WHERE workspace_id = $1 AND kind = $2 AND score IS NOT NULL GROUP BY 1`,
    [workspaceId, scoreKind, lo, hi, bins],
  )
  const counts = new Map(rows.map((r) => [Number(r.b), Number(r.n)]))
  const width = (hi - lo) / bins
  // Edges rounded to 12 significant digits: 0.30000000000000004 reads 0.3.
  const edge = (i: number) => (i === bins ? hi : Number((lo + i * width).toPrecision(12)))
  return Array.from({ length: bins }, (_, i) => ({ from: edge(i), to: edge(i + 1), customers: counts.get(i + 1) ?? 0 }))
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above x (x > 0): a round upper edge for a value axis. */
export function roundUp(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1
  const p = 10 ** Math.floor(Math.log10(x))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p
  return 10 * p
}
