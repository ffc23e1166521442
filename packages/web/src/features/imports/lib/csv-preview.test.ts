import { describe, expect, test } from 'vitest'
import { csvRecords, parseCsvPreview, sniffSeparator } from './csv-preview.ts'

describe('csv preview', () => {
  test('quoted fields keep separators, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,2,3\n'
    expect(csvRecords(text, true)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ])
  })

  test('a record cut by the end of the slice is dropped; the whole file keeps its last line without a line end', () => {
    expect(csvRecords('a,b\n1,2\n3,"unfinished', false)).toEqual([['a', 'b'], ['1', '2']])
    expect(csvRecords('a,b\n1,2\n3,4', false)).toEqual([['a', 'b'], ['1', '2']])
    expect(csvRecords('a,b\n1,2\n3,4', true)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']])
  })

  test('empty fields and blank lines', () => {
    expect(csvRecords('a,b,c\n,,\n\n1,,3\n', true)).toEqual([['a', 'b', 'c'], ['', '', ''], ['1', '', '3']])
  })

  test('the separator is sniffed as the server does: tab, else the most frequent of , ; | outside quotes', () => {
    expect(sniffSeparator('a\tb,c')).toBe('\t')
    expect(sniffSeparator('a;b;c,d')).toBe(';')
    expect(sniffSeparator('"a;b;c",d')).toBe(',')
    expect(sniffSeparator('single')).toBe(',')
    expect(parseCsvPreview('id;name\n1;"A;B"\n', true)).toEqual({ header: ['id', 'name'], rows: [['1', 'A;B']] })
  })

  test('header is trimmed, a BOM dropped, and only the first rows are kept', () => {
    const lines = ['\uFEFF id , E-mail ', ...Array.from({ length: 30 }, (_, i) => `${i},u${i}@example.com`)].join('\n')
    const p = parseCsvPreview(lines, true, 10)
    expect(p.header).toEqual(['id', 'E-mail'])
    expect(p.rows).toHaveLength(10)
    expect(p.rows[9]).toEqual(['9', 'u9@example.com'])
  })
})
