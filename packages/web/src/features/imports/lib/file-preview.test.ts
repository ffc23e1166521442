import { describe, expect, test, vi } from 'vitest'
import { contentTypeOf, formatOf, PREVIEW_BYTES, readPreview } from './file-preview.ts'

describe('file preview', () => {
  test('format and content type follow the name (as the server expects)', () => {
    expect(formatOf({ name: 'a.JSONL', type: '' })).toBe('jsonl')
    expect(formatOf({ name: 'a.csv', type: 'text/csv' })).toBe('csv')
    expect(contentTypeOf({ name: 'a.ndjson', type: '' })).toBe('application/x-ndjson')
    expect(contentTypeOf({ name: 'a.tsv', type: '' })).toBe('text/tab-separated-values')
    expect(contentTypeOf({ name: 'a.txt', type: '' })).toBe('text/csv')
  })

  test('only the start of a big file is read; its cut last row is dropped', async () => {
    const row = (i: number) => `c${i},名字${i},u${i}@example.com\n`
    let text = 'external_id,name,email\n'
    for (let i = 0; text.length < PREVIEW_BYTES * 3; i++) text += row(i)
    const file = new File([text], 'big.csv', { type: 'text/csv' })
    const slice = vi.spyOn(file, 'slice')
    const whole = vi.spyOn(file, 'arrayBuffer')
    const p = await readPreview(file, 10)
    expect(slice).toHaveBeenCalledWith(0, PREVIEW_BYTES)
    expect(whole).not.toHaveBeenCalled()
    expect(p.header).toEqual(['external_id', 'name', 'email'])
    expect(p.rows).toHaveLength(10)
    expect(p.rows[0]).toEqual(['c0', '名字0', 'u0@example.com'])
  })

  test('a small JSON Lines file is read whole, its last line kept without a line end', async () => {
    const p = await readPreview(new File(['{"sku":"a"}\n{"sku":"b"}'], 'p.jsonl'))
    expect(p).toMatchObject({ format: 'jsonl', header: ['sku'], rows: [['a'], ['b']] })
  })
})
