import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addBusinessMinutes, type BusinessHours } from './business-time.ts'

const nineToSix: BusinessHours['week'] = { mon: [[540, 1080]], tue: [[540, 1080]], wed: [[540, 1080]], thu: [[540, 1080]], fri: [[540, 1080]] }
const shanghai: BusinessHours = { timeZone: 'Asia/Shanghai', week: nineToSix, holidays: [] }

test('inside a window the minutes count from the instant itself (Shanghai, UTC+8)', () => {
  // Mon 2026-06-01 10:00 in Shanghai is 02:00 UTC; 60 minutes later is 11:00 local.
  assert.equal(addBusinessMinutes(new Date('2026-06-01T02:00:00Z'), 60, shanghai).toISOString(), '2026-06-01T03:00:00.000Z')
})

test('time after closing carries over to the next opening; a weekend is skipped', () => {
  // Fri 2026-06-05 17:30 local + 60 min: 30 min on Friday, 30 on Monday from 09:00 → Mon 09:30 local = 01:30 UTC.
  assert.equal(addBusinessMinutes(new Date('2026-06-05T09:30:00Z'), 60, shanghai).toISOString(), '2026-06-08T01:30:00.000Z')
  // Saturday noon + 30 min → Monday 09:30.
  assert.equal(addBusinessMinutes(new Date('2026-06-06T04:00:00Z'), 30, shanghai).toISOString(), '2026-06-08T01:30:00.000Z')
})

test('holidays are closed days; several windows a day add up', () => {
  const hours: BusinessHours = { timeZone: 'UTC', week: { mon: [[540, 720], [780, 1080]], tue: [[540, 1080]] }, holidays: ['2026-06-01'] }
  // Monday is a holiday: from Mon 08:00 UTC, 4 h of opening time end on Tuesday 13:00.
  assert.equal(addBusinessMinutes(new Date('2026-06-01T08:00:00Z'), 240, hours).toISOString(), '2026-06-02T13:00:00.000Z')
  const noHoliday = { ...hours, holidays: [] }
  // 09:00–12:00 (3 h) then the lunch gap, then 1 h from 13:00.
  assert.equal(addBusinessMinutes(new Date('2026-06-01T08:00:00Z'), 240, noHoliday).toISOString(), '2026-06-01T14:00:00.000Z')
})

test('across a daylight-saving change the wall clock is kept (London, last Sunday of March)', () => {
  const london: BusinessHours = { timeZone: 'Europe/London', week: { fri: [[540, 1020]], mon: [[540, 1020]] }, holidays: [] }
  // Fri 2026-03-27 16:00 GMT + 120 min: 60 on Friday, then Monday 09:00 BST (08:00 UTC) + 60 → 09:00 UTC.
  assert.equal(addBusinessMinutes(new Date('2026-03-27T16:00:00Z'), 120, london).toISOString(), '2026-03-30T09:00:00.000Z')
})

test('a schedule with no opening time is refused', () => {
  assert.throws(() => addBusinessMinutes(new Date(), 10, { timeZone: 'UTC', week: {}, holidays: [] }), /no opening time/)
})
