import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dateTimeParser, formatDay, parseDateTime, parseIsoDateTime } from './parse-date-time.ts'

const DAY = 86_400_000
const jan1997 = Date.UTC(1997, 0, 1) / DAY

test('naive date-times are UTC; Z and offsets are applied', () => {
  assert.equal(parseIsoDateTime('1997-01-01T12:00'), jan1997 + 0.5)
  assert.equal(parseIsoDateTime('1997-01-01 12:00:00'), jan1997 + 0.5)
  assert.equal(parseIsoDateTime('1997-01-01T12:00:00Z'), jan1997 + 0.5)
  assert.equal(parseIsoDateTime('1997-01-01T12:00+08:00'), jan1997 + 0.5 - 8 / 24)
  assert.equal(parseIsoDateTime('1997-01-01T12:00:00-0130'), jan1997 + 0.5 + 1.5 / 24)
  assert.equal(parseIsoDateTime('1997-01-01T00:00:01.250Z'), jan1997 + 1.25 / 86_400)
  assert.equal(parseIsoDateTime('1997-01-01'), jan1997)
})

test('calendar and field checks', () => {
  for (const bad of ['1997-02-30', '1997-04-31', '1997-13-01', '1997-01-01T24:00', '1997-01-01T10:60', 'yesterday', '19970101']) {
    assert.equal(parseIsoDateTime(bad), undefined, bad)
  }
  assert.equal(parseIsoDateTime('2024-02-29'), Date.UTC(2024, 1, 29) / DAY)
})

test('auto detection: YYYYMMDD, ISO, M/D/YYYY H:MM', () => {
  assert.equal(parseDateTime('19970101'), jan1997)
  assert.equal(parseDateTime('1997-01-01'), jan1997)
  assert.equal(parseDateTime('1/1/1997 18:00'), jan1997 + 0.75)
  assert.equal(parseDateTime('12/9/2011 12:16'), Date.UTC(2011, 11, 9, 12, 16) / DAY)
  assert.equal(parseDateTime('31/12/2011'), undefined)
})

test('patterns: day-first, minutes after a colon, a pattern without a date throws', () => {
  assert.equal(dateTimeParser('D/M/YYYY H:MM')('9/12/2011 12:16'), Date.UTC(2011, 11, 9, 12, 16) / DAY)
  assert.equal(dateTimeParser('DD.MM.YYYY')('09.12.2011'), Date.UTC(2011, 11, 9) / DAY)
  assert.equal(dateTimeParser('yyyymmdd')('1997-01-01'), undefined)
  assert.throws(() => dateTimeParser('HH:mm'), /needs YYYY/)
  assert.equal(formatDay(jan1997 + 0.7), '1997-01-01')
})
