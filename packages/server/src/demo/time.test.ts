import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isoSeconds, parseAsOf, shoppingIntensity, MAX_INTENSITY } from './time.ts'

test('isoSeconds agrees with Date#toISOString without milliseconds', () => {
  const cases = [0, 1_730_419_200_000, 1_762_991_999_999, 1_709_164_800_500, 951_782_400_000 - 1]
  for (let x = 1_700_000_000_000; x < 1_800_000_000_000; x += 7_777_777_777) cases.push(x)
  for (const ms of cases) assert.equal(isoSeconds(ms), new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'), String(ms))
})

test('parseAsOf reads dates and datetimes, and refuses anything else', () => {
  assert.equal(parseAsOf('2026-11-01'), Date.UTC(2026, 10, 1))
  assert.equal(parseAsOf('2026-11-01T08:00:00+08:00'), Date.UTC(2026, 10, 1))
  assert.throws(() => parseAsOf('tomorrow'), RangeError)
})

test("shopping intensity peaks on Singles' Day in China and Black Friday elsewhere, within the thinning bound", () => {
  const day = (s: string) => Date.parse(`${s}T12:00:00Z`)
  assert.ok(shoppingIntensity(day('2025-11-11'), true) > 3 * shoppingIntensity(day('2025-09-10'), true))
  assert.ok(shoppingIntensity(day('2025-11-28'), false) > 2 * shoppingIntensity(day('2025-09-10'), false))
  for (let t = day('2025-01-01'); t < day('2026-01-01'); t += 86_400_000) {
    for (const cn of [true, false]) assert.ok(shoppingIntensity(t, cn) <= MAX_INTENSITY)
  }
})
