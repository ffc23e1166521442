import { describe, expect, test } from 'vitest'
import { checkBody } from '../../../lib/form-rules.ts'
import { emptyDraft, insertMergeField, newVariant, toBody, type DraftForm } from './draft.ts'

const filled = (): DraftForm => {
  const d = emptyDraft()
  d.name = ' Spring sale '
  d.segmentId = '4'
  d.fromAddress = 'news@demo-shop.example'
  d.variants = [{ ...newVariant([]), en: { subject: 'Hi', html: '<a href="{{ unsubscribe_url }}">x</a>', text: '' }, zh: { subject: '', html: '', text: '' } }]
  return d
}

describe('the editor’s draft as an API body', () => {
  test('numbers are numbers, names are trimmed, an untouched Chinese tab and empty parts are left out', () => {
    const b = toBody(filled())
    expect(b).toMatchObject({ name: 'Spring sale', segment_id: 4, holdout_pct: 10, from_address: 'news@demo-shop.example', settings: { rate_per_second: 0, concurrency: 20 } })
    expect(b.variants[0]?.template).toEqual({ en: { subject: 'Hi', html: '<a href="{{ unsubscribe_url }}">x</a>', text: '' } })
    expect(checkBody('POST /api/v1/campaigns', b)).toEqual({})
  })

  test('an SMS keeps only text and no sender; a non-number is refused by the server’s own rules at its path', () => {
    const d = filled()
    d.channel = 'sms'
    d.variants[0] = { ...newVariant([]), en: { subject: 'dropped', html: '<p>dropped</p>', text: 'Hi {{ customer.name }}' }, zh: { subject: '', html: '', text: '' } }
    d.concurrency = 'many'
    const b = toBody(d)
    expect(b.from_address).toBeUndefined()
    expect(b.variants[0]?.template.en).toEqual({ text: 'Hi {{ customer.name }}' })
    expect(Object.keys(checkBody('POST /api/v1/campaigns', b))).toEqual(['settings.concurrency'])
  })

  test('new variants take the next free letter', () => {
    expect(newVariant([{ ...newVariant([]), name: 'A' }, { ...newVariant([]), name: 'C' }]).name).toBe('B')
  })

  test('a merge field goes in at the cursor, and the cursor moves past it', () => {
    expect(insertMergeField('Hello !', 'customer.first_name', 6)).toEqual({ text: 'Hello {{ customer.first_name }}!', cursor: 31 })
    expect(insertMergeField('Hi', 'x', null).text).toBe('Hi{{ x }}')
  })
})
