import { describe, expect, test } from 'vitest'
import { parseJsonlPreview } from './jsonl-preview.ts'

describe('jsonl preview', () => {
  test('columns are the keys in first-seen order; nested values as JSON; missing keys empty', () => {
    const text = '{"external_id":"c1","name":"A"}\n{"external_id":"c2","tags":["x"],"attributes":{"k":1}}\n'
    expect(parseJsonlPreview(text, true)).toEqual({
      header: ['external_id', 'name', 'tags', 'attributes'],
      rows: [
        ['c1', 'A', '', ''],
        ['c2', '', '["x"]', '{"k":1}'],
      ],
      invalidLines: [],
    })
  })

  test('a line that is no JSON object is reported by line; a cut last line is dropped', () => {
    const p = parseJsonlPreview('{"a":1}\n\n[1,2]\nnot json\n{"a":', false)
    expect(p.invalidLines).toEqual([3, 4])
    expect(p.rows).toEqual([['1'], [''], ['']])
  })
})
