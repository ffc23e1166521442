import { describe, expect, test } from 'vitest'
import { lineIssues, linesText, listLines } from './lines.ts'

describe('lists typed one a line', () => {
  test('entries are trimmed and blank lines dropped, each with the line it is on', () => {
    expect(listLines(' https://a.example \n\n\r\nhttps://b.example\n  ')).toEqual({ items: ['https://a.example', 'https://b.example'], lines: [1, 4] })
    expect(listLines('')).toEqual({ items: [], lines: [] })
    expect(linesText(['a', 'b'])).toBe('a\nb')
  })

  test('an error on entry i is said at its line; one on the whole list has none; others are not the list’s', () => {
    const errors = { 'allowed_origins.1': 'not an origin', allowed_origins: 'at most 50 origins', 'allowed_origins.0.x': 'deeper', greeting_en: 'must not be empty', 'allowed_originsX.0': 'other' }
    expect(lineIssues(errors, 'allowed_origins', [2, 5])).toEqual([
      { line: null, message: 'at most 50 origins' },
      { line: 2, message: 'deeper' },
      { line: 5, message: 'not an origin' },
    ])
    // Without the lines sent, the index counts from line 1.
    expect(lineIssues({ 'questions.3': 'too long' }, 'questions', [])).toEqual([{ line: 4, message: 'too long' }])
  })
})
