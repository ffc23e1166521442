import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cronMatches, latestTick, parseCron } from './cron.ts'

const at = (iso: string) => new Date(iso)

describe('parseCron / cronMatches (UTC)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['* * * * *', '2026-03-04T05:06:00Z', true],
    ['* * * * *', '2026-03-04T05:06:01Z', false],
    ['*/15 * * * *', '2026-03-04T05:45:00Z', true],
    ['*/15 * * * *', '2026-03-04T05:46:00Z', false],
    ['0 3 * * *', '2026-03-04T03:00:00Z', true],
    ['0 3 * * *', '2026-03-04T04:00:00Z', false],
    ['30 9 * * MON-FRI', '2026-03-06T09:30:00Z', true], // a Friday
    ['30 9 * * MON-FRI', '2026-03-07T09:30:00Z', false], // a Saturday
    ['0 0 * * 7', '2026-03-08T00:00:00Z', true], // 7 is Sunday
    ['0 0 1 JAN *', '2027-01-01T00:00:00Z', true],
    ['0 0 1,15 * *', '2026-03-15T00:00:00Z', true],
    ['0 0 10-12/2 * *', '2026-03-12T00:00:00Z', true],
    ['0 0 10-12/2 * *', '2026-03-11T00:00:00Z', false],
    // Both day fields restricted: either matches (Vixie cron).
    ['0 0 13 * FRI', '2026-03-06T00:00:00Z', true],
    ['0 0 13 * FRI', '2026-03-13T00:00:00Z', true],
    ['0 0 13 * FRI', '2026-03-12T00:00:00Z', false],
    ['* * * * * *', '2026-03-04T05:06:07Z', true],
    ['*/10 * * * * *', '2026-03-04T05:06:07Z', false],
    ['5/10 * * * * *', '2026-03-04T05:06:25Z', true],
  ]
  for (const [expr, iso, want] of cases) {
    it(`${expr} ${want ? 'matches' : 'does not match'} ${iso}`, () => {
      assert.equal(cronMatches(parseCron(expr), at(iso)), want)
    })
  }

  it('rejects malformed expressions as validation_failed naming the problem', () => {
    for (const [expr, why] of [
      ['* * * *', /4 fields/],
      ['60 * * * *', /"60" is not in 0-59/],
      ['* * * * 8', /"8" is not in 0-7/],
      ['*/0 * * * *', /step/],
      ['5-1 * * * *', /backwards/],
      ['x * * * *', /"x"/],
    ] as const) {
      assert.throws(() => parseCron(expr), (e: Error & { code?: string }) => e.code === 'validation_failed' && why.test(e.message), expr)
    }
  })
})

describe('latestTick', () => {
  it('finds the latest tick in (after, upTo]', () => {
    const c = parseCron('*/15 * * * *')
    assert.deepEqual(latestTick(c, at('2026-03-04T05:00:00Z'), at('2026-03-04T05:40:10Z')), at('2026-03-04T05:30:00Z'))
  })
  it('excludes `after` itself and answers undefined when no tick falls in the window', () => {
    const c = parseCron('0 3 * * *')
    assert.equal(latestTick(c, at('2026-03-04T03:00:00Z'), at('2026-03-04T04:00:00Z')), undefined)
  })
  it('steps by seconds for six-field expressions', () => {
    const c = parseCron('*/5 * * * * *')
    assert.deepEqual(latestTick(c, at('2026-03-04T05:00:00Z'), at('2026-03-04T05:00:13.500Z')), at('2026-03-04T05:00:10Z'))
  })
})
