import { describe, expect, test } from 'vitest'
import { ApiError } from '../../../lib/api/api-error.ts'
import { importIssues } from './import-issues.ts'

const refused = (details: unknown) => new ApiError(400, 'validation_failed', 'rows are not valid', details)

describe('import issues', () => {
  test('each detail gives its file, line and column, the file name may hold colons', () => {
    expect(importIssues(refused([
      { path: 'kb.csv:3: language', message: 'is required' },
      { path: 'a:b.csv:12: external_id', message: 'is used twice' },
      { path: 'kb.csv:5', message: 'has 4 fields; the header has 3' },
    ]))).toEqual([
      { file: 'kb.csv', line: 3, column: 'language', message: 'is required' },
      { file: 'a:b.csv', line: 12, column: 'external_id', message: 'is used twice' },
      { file: 'kb.csv', line: 5, column: null, message: 'has 4 fields; the header has 3' },
    ])
  })

  test('a detail without a line keeps its path; other failures name no rows', () => {
    expect(importIssues(refused([{ path: 'kb.csv', message: 'x' }]))).toEqual([{ file: 'kb.csv', line: null, column: null, message: 'x' }])
    expect(importIssues(refused(undefined))).toEqual([])
    expect(importIssues(new ApiError(413, 'payload_too_large', 'too large', [{ path: 'kb.csv:1', message: 'x' }]))).toEqual([])
    expect(importIssues(new Error('network'))).toEqual([])
  })
})
