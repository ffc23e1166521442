import type { Db } from '../../../store/db.ts'
import { personaOf, type Persona } from './insight-reads.ts'

export interface ClusterCount {
  cluster: number
  customers: number
  /** The persona a score of the cluster carries (details.persona, else its label). */
  persona: Persona
}

/** Live sizes of the clusters (customer_scores kind `cluster`, details.cluster), one GROUP BY. */
export async function clusterCounts(db: Db, workspaceId: number): Promise<ClusterCount[]> {
  const rows = await db.query<{ cluster: number; customers: number; persona: unknown; label: string | null }>(
    `SELECT (details->>'cluster')::numeric AS cluster, count(*)::int AS customers,
            (array_agg(details->'persona'))[1] AS persona, min(label) AS label
     FROM customer_scores
     WHERE workspace_id = $1 AND kind = 'cluster' AND jsonb_typeof(details->'cluster') = 'number'
     GROUP BY 1 ORDER BY 1`,
    [workspaceId],
  )
  return rows.map((r) => ({
    cluster: Number(r.cluster),
    customers: Number(r.customers),
    persona: personaOf(r.persona, r.label ?? `Cluster ${Number(r.cluster)}`),
  }))
}
