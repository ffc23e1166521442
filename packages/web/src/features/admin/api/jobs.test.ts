import { describe, expect, test } from 'vitest'
import { cleanJobFilters, isUnfinished, refreshInterval } from './jobs.ts'

describe('jobs list helpers', () => {
  test('refreshes while a queued or running job is shown, and stops when all are finished', () => {
    expect(refreshInterval([{ state: 'completed' }, { state: 'active' }])).toBe(2000)
    expect(refreshInterval([{ state: 'queued' }])).toBe(2000)
    expect(refreshInterval([{ state: 'completed' }, { state: 'failed' }, { state: 'cancelled' }])).toBe(false)
    expect(refreshInterval([])).toBe(false)
  })

  test('only queued and running jobs can be cancelled', () => {
    expect(['queued', 'active', 'completed', 'failed', 'cancelled'].filter((s) => isUnfinished({ state: s as 'queued' }))).toEqual(['queued', 'active'])
  })

  test('keeps known states and a trimmed kind from the URL, drops the rest', () => {
    expect(cleanJobFilters({ state: 'failed', kind: ' import ' })).toEqual({ state: 'failed', kind: 'import' })
    expect(cleanJobFilters({ state: 'bogus', kind: '  ' })).toEqual({})
  })
})
