import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type AuditEntry = Answer<'/api/v1/audit/', 'get'>['data'][number]
type AuditQuery = NonNullable<paths['/api/v1/audit/']['get']['parameters']['query']>
export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'entity' | 'entity_id' | 'from' | 'to'>
export const AUDIT_FILTER_KEYS = ['actor', 'action', 'entity', 'entity_id', 'from', 'to'] as const

/** Drops empty filters, so the URL and the cache key only hold what the person set. */
export function cleanAuditFilters(f: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, v.trim()])) as AuditFilters
}

/** The log is newest first and has no other order, so the paging hook's sort is not sent. */
export const listAudit = ({ sort: _sort, limit, ...q }: AuditFilters & { sort: string; limit: number; cursor?: string }) =>
  data(api.GET('/api/v1/audit/', { params: { query: { ...q, limit: String(limit) } } }))
