import { describe, expect, test } from 'vitest'
import { addDays, apiRange, daysBetween, lastDays, parseDay, rangeOf } from './report-range.ts'

const today = new Date(2026, 11, 15, 14, 30) // 15 Dec 2026, local afternoon

describe('the reports range', () => {
  test('the last n days end today, both days included', () => {
    expect(lastDays(7, today)).toEqual({ from: '2026-12-09', to: '2026-12-15' })
    expect(lastDays(30, today)).toEqual({ from: '2026-11-16', to: '2026-12-15' })
    expect(daysBetween(lastDays(90, today))).toHaveLength(90)
  })

  test('from the address: a preset, two days, or the default 30 days for anything else', () => {
    expect(rangeOf(new URLSearchParams(''), today)).toEqual({ from: '2026-11-16', to: '2026-12-15', preset: 30 })
    expect(rangeOf(new URLSearchParams('days=90'), today)).toMatchObject({ from: '2026-09-17', preset: 90 })
    expect(rangeOf(new URLSearchParams('from=2026-02-01&to=2026-02-28'), today)).toEqual({ from: '2026-02-01', to: '2026-02-28', preset: null })
    // Two days that happen to be the last 7 are that preset.
    expect(rangeOf(new URLSearchParams('from=2026-12-09&to=2026-12-15'), today).preset).toBe(7)
    for (const q of ['days=12', 'from=2026-02-30&to=2026-03-01', 'from=2026-03-02&to=2026-03-01', 'from=x&to=y']) {
      expect(rangeOf(new URLSearchParams(q), today), q).toEqual({ from: '2026-11-16', to: '2026-12-15', preset: 30 })
    }
  })

  test('days are checked and counted across months and years', () => {
    expect(parseDay('2026-02-29')).toBeNull()
    expect(parseDay('2028-02-29')).not.toBeNull()
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  test('the API is asked for local midnights, the day after the last one excluded', () => {
    expect(apiRange({ from: '2026-12-09', to: '2026-12-15' })).toEqual({ from: new Date(2026, 11, 9).toISOString(), to: new Date(2026, 11, 16).toISOString() })
  })
})
