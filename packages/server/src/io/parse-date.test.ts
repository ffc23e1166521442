import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dateParser, formatDay, parseDateAuto } from './parse-date.ts'

const jan1997 = Date.UTC(1997, 0, 1) / 86_400_000

test('auto: YYYYMMDD, ISO and M/D/YYYY H:MM', () => {
  assert.equal(parseDateAuto('19970101'), jan1997)
  assert.equal(parseDateAuto('1997-01-01'), jan1997)
  assert.equal(parseDateAuto('1997-01-01T12:00:00Z'), jan1997 + 0.5)
  assert.equal(parseDateAuto('1997-01-01T12:00+02:00'), jan1997 + 0.5 - 2 / 24)
  assert.equal(parseDateAuto('1/1/1997 18:00'), jan1997 + 0.75)
  assert.equal(parseDateAuto('12/9/2011 12:16'), Date.UTC(2011, 11, 9, 12, 16) / 86_400_000)
  assert.equal(parseDateAuto('1997-02-30'), undefined)
  assert.equal(parseDateAuto('yesterday'), undefined)
})

test('explicit patterns: day-first and minutes after a colon', () => {
  const dmy = dateParser('D/M/YYYY H:MM')
  assert.equal(dmy('9/12/2011 12:16'), Date.UTC(2011, 11, 9, 12, 16) / 86_400_000)
  assert.equal(dmy('2011-12-09'), undefined)
  assert.equal(dateParser('DD.MM.YYYY')('09.12.2011'), Date.UTC(2011, 11, 9) / 86_400_000)
  assert.equal(dateParser('YYYYMMDD')('19970930'), Date.UTC(1997, 8, 30) / 86_400_000)
  assert.throws(() => dateParser('HH:mm'), /needs YYYY/)
  assert.equal(formatDay(jan1997 + 0.7), '1997-01-01')
})
