import { describe, expect, test } from 'vitest'
import type { DeskSettings } from '../api/desk-admin.ts'
import { errorAt, hoursDraftOf, intentList, move, ruleDraftOf, rulesBody, settingsBody, unplaced } from './settings-draft.ts'

const settings: DeskSettings = {
  business_hours: { week: { mon: [['09:00', '12:00'], ['13:00', '18:00']], sat: [] }, holidays: ['2026-10-01'] },
  sla: { first_response_minutes: { urgent: 60, high: 240, normal: 540, low: 1080 }, resolution_minutes: { urgent: 540, high: 1080, normal: 2700, low: 5400 }, warn_minutes: 60 },
  time_zone: 'Asia/Shanghai', default: false,
}

describe('the desk settings draft', () => {
  test('round-trips: every day is sent (an empty list is closed), numbers as numbers, no time zone or default flag', () => {
    const body = settingsBody(hoursDraftOf(settings))
    expect(body).toEqual({
      business_hours: { week: { mon: [['09:00', '12:00'], ['13:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: ['2026-10-01'] },
      sla: settings.sla,
    })
  })

  test('an empty number is NaN, so the rules refuse it instead of saving 0', () => {
    const d = hoursDraftOf(settings)
    d.first.urgent = ' '
    expect(settingsBody(d).sla.first_response_minutes.urgent).toBeNaN()
  })

  test('routing rules: intents split on commas and spaces, the team as a number, the order kept', () => {
    const a = ruleDraftOf({ intents: ['refund_request', 'invoice'], languages: ['zh'], channels: [], vip_only: true, team_id: 3 })
    const b = ruleDraftOf({ intents: [], languages: [], channels: ['chat'], vip_only: false, team_id: 4 })
    expect(a.intents).toBe('refund_request, invoice')
    expect(a.key).not.toBe(b.key)
    expect(intentList(' a,b  c，d\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(rulesBody(move([a, b], 1, -1))).toEqual({
      rules: [
        { intents: [], languages: [], channels: ['chat'], vip_only: false, team_id: 4 },
        { intents: ['refund_request', 'invoice'], languages: ['zh'], channels: [], vip_only: true, team_id: 3 },
      ],
    })
    expect(move([a, b], 0, -1)).toEqual([a, b])
  })

  test('errors: the one at a path or inside it; those no field shows are listed', () => {
    const errors = { 'rules.1.intents.0': 'too long', 'business_hours.week.mon.0': 'a window ends after it starts', _: 'bad' }
    expect(errorAt(errors, 'rules.1')).toBe('too long')
    expect(errorAt(errors, 'rules.1.intents')).toBe('too long')
    expect(errorAt(errors, 'rules.10')).toBeUndefined()
    expect(unplaced(errors, (k) => k.startsWith('rules.'))).toEqual(['business_hours.week.mon.0: a window ends after it starts', 'bad'])
  })
})
