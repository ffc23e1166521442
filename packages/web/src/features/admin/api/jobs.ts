import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type Job = Answer<'/api/v1/jobs/', 'get'>['data'][number]
export type JobState = Job['state']
type JobQuery = NonNullable<paths['/api/v1/jobs/']['get']['parameters']['query']>
export type JobFilters = Pick<JobQuery, 'state' | 'kind'>
export const JOB_FILTER_KEYS = ['state', 'kind'] as const
export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'completed', 'failed', 'cancelled']

/** Queued and running jobs still change: the list refreshes while one is shown, and they can be cancelled. */
export const isUnfinished = (j: Pick<Job, 'state'>): boolean => j.state === 'queued' || j.state === 'active'

/** How often the list asks again: every 2 s while a job shown is unfinished, otherwise not at all. */
export const refreshInterval = (jobs: readonly Pick<Job, 'state'>[]): number | false => (jobs.some(isUnfinished) ? 2000 : false)

export function cleanJobFilters(f: Record<string, string | undefined>): JobFilters {
  const out: JobFilters = {}
  if (f.state && (JOB_STATES as readonly string[]).includes(f.state)) out.state = f.state as JobState
  if (f.kind?.trim()) out.kind = f.kind.trim()
  return out
}

/** Newest first is the only order, so the paging hook's sort is not sent. */
export const listJobs = ({ sort: _sort, limit, ...q }: JobFilters & { sort: string; limit: number; cursor?: string }) =>
  data(api.GET('/api/v1/jobs/', { params: { query: { ...q, limit: String(limit) } } }))

export const cancelJob = (id: string) => data(api.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } }))
