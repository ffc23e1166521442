import { describe, expect, test } from 'vitest'
import { sparklinePoints } from './sparkline.ts'

describe('sparkline points', () => {
  test('spans the box from the smallest size at the bottom to the largest at the top, inside a 1 px margin', () => {
    expect(sparklinePoints([0, 5, 10], 100, 22)).toBe('1,21 50,11 99,1')
  })

  test('a flat series runs through the middle; one day is a point in the middle; none is empty', () => {
    expect(sparklinePoints([4, 4], 10, 20)).toBe('1,10 9,10')
    expect(sparklinePoints([7], 10, 20)).toBe('5,10')
    expect(sparklinePoints([], 10, 20)).toBe('')
  })
})
