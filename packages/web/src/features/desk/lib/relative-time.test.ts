import { describe, expect, test } from 'vitest'
import { relativeTime } from './relative-time.ts'

const now = Date.parse('2026-12-03T12:00:00.000Z')

describe('relativeTime', () => {
  test('the largest unit that fits, in the reader’s language', () => {
    expect(relativeTime('2026-12-03T09:00:00.000Z', 'en', now)).toBe('3 hours ago')
    expect(relativeTime('2026-12-03T11:58:00.000Z', 'en', now)).toBe('2 minutes ago')
    expect(relativeTime('2026-12-01T12:00:00.000Z', 'en', now)).toBe('2 days ago')
    expect(relativeTime('2026-12-03T09:00:00.000Z', 'zh-CN', now)).toBe('3小时前')
  })
  test('nothing for no time, the text itself for a malformed one', () => {
    expect(relativeTime(null, 'en', now)).toBe('')
    expect(relativeTime('soon', 'en', now)).toBe('soon')
  })
})
