import { describe, expect, test } from 'vitest'
import { insertText, mergeTag, preview, shortcutPrefix } from './canned-text.ts'

describe('saved reply text', () => {
  test('inserts at the cursor, replaces a selection, and replaces a blank box whole', () => {
    expect(insertText('Hello world', 6, 6, 'dear ')).toEqual({ value: 'Hello dear world', caret: 11 })
    expect(insertText('Hello world', 6, 11, 'Ada')).toEqual({ value: 'Hello Ada', caret: 9 })
    expect(insertText('Hi', 99, 120, '!')).toEqual({ value: 'Hi!', caret: 3 })
    expect(insertText(' \n ', 1, 1, 'Refund sent.')).toEqual({ value: 'Refund sent.', caret: 12 })
    expect(insertText('', 0, 0, '退款已确认')).toEqual({ value: '退款已确认', caret: 5 })
  })

  test('a shortcut is offered only while the box holds nothing but its start', () => {
    expect(['/ref', '/refund', '/re-fund_2', '/', 'ref', '/Ref', ' /ref', '/ref ', '/ref\nthanks'].map(shortcutPrefix))
      .toEqual(['/ref', '/refund', '/re-fund_2', null, null, null, null, null, null])
  })

  test('merge tags and previews', () => {
    expect(mergeTag('customer.first_name')).toBe('{{ customer.first_name }}')
    expect(mergeTag('customer.first_name', 'there')).toBe('{{ customer.first_name | default: "there" }}')
    expect(preview('Hi  {{ customer.name }},\n\nthanks')).toBe('Hi {{ customer.name }}, thanks')
    expect(preview(`${'word '.repeat(40)}`, 20)).toBe('word word word word…')
    expect(preview('退'.repeat(30), 10)).toBe(`${'退'.repeat(10)}…`)
  })
})
