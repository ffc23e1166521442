import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { clusterCounts } from './cluster-counts.ts'
import { activeVersion, asArray, asRecord, finiteOrNull, personaOf, versionRef, type ModelVersionRef, type Persona } from './insight-reads.ts'

export interface ClusterCard {
  cluster: number
  persona: Persona
  /** Customers in the cluster now (customer_scores), not at training. */
  customers: number
  share: number
  /** Customers at training time (report), when the report has it. */
  trained_customers: number | null
  defining: FeatureEntry[]
  keywords: string[]
  profile: FeatureEntry[]
}

/** A feature of a cluster profile: the cluster's mean against everyone's, and the z-score of the difference. */
export interface FeatureEntry {
  feature: string
  mean: number | null
  overall_mean: number | null
  z: number | null
}

const featureEntries = (v: unknown): FeatureEntry[] =>
  asArray(v).flatMap((raw) => {
    const e = asRecord(raw)
    return typeof e.feature === 'string' ? [{ feature: e.feature, mean: finiteOrNull(e.mean), overall_mean: finiteOrNull(e.overall_mean), z: finiteOrNull(e.z) }] : []
  })

export interface ClustersInsight {
  k: number
  silhouette: number | null
  clusters: ClusterCard[]
  model_version: ModelVersionRef | null
}

/**
 * GET /insights/clusters: the active clusters version's cluster cards (persona, defining features, review
 * keywords, profile — from its report) with live sizes from customer_scores. A cluster that has scores but
 * no card (a report without it) still appears, with its persona from the scores.
 */
export async function clustersInsight(db: Db, actor: Actor): Promise<ClustersInsight> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const [version, counts] = await Promise.all([activeVersion(tx, ws, 'clusters'), clusterCounts(tx, ws)])
    const report = version?.report ?? {}
    const live = new Map(counts.map((c) => [c.cluster, c]))
    const scored = counts.reduce((n, c) => n + c.customers, 0)
    const cards = new Map<number, ClusterCard>()
    for (const raw of asArray(report.clusters)) {
      const c = asRecord(raw)
      const index = finiteOrNull(c.cluster)
      if (index === null || cards.has(index)) continue
      const n = live.get(index)?.customers ?? 0
      cards.set(index, {
        cluster: index,
        persona: personaOf(c.persona, live.get(index)?.persona.en ?? `Cluster ${index}`),
        customers: n,
        share: scored === 0 ? 0 : n / scored,
        trained_customers: finiteOrNull(c.customers),
        defining: featureEntries(c.defining),
        keywords: asArray(c.keywords).filter((w): w is string => typeof w === 'string'),
        profile: featureEntries(c.profile),
      })
    }
    for (const c of counts) {
      if (cards.has(c.cluster)) continue
      cards.set(c.cluster, { cluster: c.cluster, persona: c.persona, customers: c.customers, share: scored === 0 ? 0 : c.customers / scored, trained_customers: null, defining: [], keywords: [], profile: [] })
    }
    const clusters = [...cards.values()].sort((a, b) => a.cluster - b.cluster)
    return {
      k: finiteOrNull(report.k) ?? clusters.length,
      silhouette: finiteOrNull(report.silhouette) ?? finiteOrNull(version?.metrics.silhouette),
      clusters,
      model_version: versionRef(version),
    }
  })
}
