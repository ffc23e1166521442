import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type Job = Answer<'/api/v1/jobs/{id}', 'get'>
export type JobState = Job['state']

const FINAL: ReadonlySet<JobState> = new Set(['completed', 'failed', 'cancelled'])
export const isFinal = (state: JobState | undefined): boolean => state !== undefined && FINAL.has(state)

/** An import job's result (completed, or failed because rows were not valid): see import.job.ts on the server. */
export interface ImportResult {
  entity: string
  file: string
  format: 'csv' | 'jsonl'
  read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  committed: boolean
  errorCount: number
  ignoredColumns: string[]
  errors: Array<{ line: number; column: string | null; reason: string }>
}

/** The result when it has the import shape, else undefined (a job failed for another reason has none). */
export function importResult(job: Pick<Job, 'result'>): ImportResult | undefined {
  const r = job.result as Partial<ImportResult> | null | undefined
  if (!r || typeof r !== 'object' || typeof r.read !== 'number' || !Array.isArray(r.errors)) return undefined
  return { ignoredColumns: [], ...r } as ImportResult
}

export const rejectsUrl = (id: string): string => `/api/v1/jobs/${encodeURIComponent(id)}/rejects`

export const JOBS_KEY = ['jobs'] as const

/** One job, polled every 500 ms until it reaches a final state. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'one', id],
    queryFn: () => data(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
    refetchInterval: (q) => (isFinal(q.state.data?.state) ? false : 500),
  })
}

/** The workspace's recent import jobs, refreshed while one of them is still running. */
export function useImportJobs(limit = 10) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'imports', limit],
    queryFn: () => data(api.GET('/api/v1/jobs/', { params: { query: { kind: 'import', limit: String(limit) } } })),
    refetchInterval: (q) => (q.state.data?.data.some((j) => !isFinal(j.state)) ? 2000 : false),
  })
}

export const cancelJob = (id: string) => data(api.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } }))
