import { describe, expect, test } from 'vitest'
import { importUrl } from './upload.ts'
import { importResult, isFinal } from './jobs.ts'

describe('import upload and job helpers', () => {
  test('the URL carries the file name, skip_invalid and the renames as URL-encoded JSON; no columns when nothing is renamed', () => {
    const url = new URL(importUrl('customers', 'my file.csv', { skipInvalid: true, columns: { 'E-mail': 'email' } }), 'http://x')
    expect(url.pathname).toBe('/api/v1/imports/customers')
    expect(url.searchParams.get('file_name')).toBe('my file.csv')
    expect(url.searchParams.get('skip_invalid')).toBe('true')
    expect(JSON.parse(url.searchParams.get('columns') ?? '')).toEqual({ 'E-mail': 'email' })
    expect(importUrl('orders', 'o.csv', { skipInvalid: false, columns: {} })).toBe('/api/v1/imports/orders?file_name=o.csv&skip_invalid=false')
  })

  test('final states and the import result shape', () => {
    expect(['queued', 'active'].map((s) => isFinal(s as 'queued'))).toEqual([false, false])
    expect(['completed', 'failed', 'cancelled'].map((s) => isFinal(s as 'failed'))).toEqual([true, true, true])
    expect(importResult({ result: null })).toBeUndefined()
    expect(importResult({ result: { rows: 3 } })).toBeUndefined()
    const r = importResult({ result: { read: 3, rejected: 1, errors: [{ line: 3, column: 'email', reason: 'bad' }] } })
    expect(r?.errors[0]).toEqual({ line: 3, column: 'email', reason: 'bad' })
    expect(r?.ignoredColumns).toEqual([])
  })
})
