import { describe, expect, test } from 'vitest'
import type { Article } from '../api/kb-types.ts'
import { excerpt } from './excerpt.ts'
import { draftOf, emptyDraft, newArticleBody, patchBody } from './article-draft.ts'

describe('article bodies', () => {
  test('a new article is trimmed and has no category and no other questions unless some were typed', () => {
    expect(newArticleBody({ ...emptyDraft('zh'), title: ' 问 ', body: ' 答\n ', questions: ' \n ' })).toEqual({ lang: 'zh', title: '问', body: '答', status: 'draft' })
    expect(newArticleBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: ' Returns ', status: 'published' })).toEqual({ lang: 'en', title: 'Q', body: 'A', category: 'Returns', status: 'published' })
  })

  test('the other questions are one a line: trimmed, blank lines dropped, order kept', () => {
    const d = { ...emptyDraft('en'), title: 'Q', body: 'A', questions: '  When does it ship? \r\n\nHow long is delivery?\n  \n' }
    expect(newArticleBody(d).questions).toEqual(['When does it ship?', 'How long is delivery?'])
    expect(patchBody(d).body.questions).toEqual(['When does it ship?', 'How long is delivery?'])
  })

  test('a change says when the category was cleared, and always sends the other questions (none clears them)', () => {
    expect(patchBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: '  ' })).toEqual({ body: { lang: 'en', title: 'Q', questions: [], body: 'A', status: 'draft' }, clearCategory: true })
    expect(patchBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: 'Billing' }).clearCategory).toBe(false)
  })

  test('a stored article becomes a draft with its other questions one a line', () => {
    const a = { id: 1, external_id: null, lang: 'zh', category: null, title: '多久发货？', questions: ['几天能到', '什么时候发'], body: '答', status: 'published', version: 1,
      created_by: 'a', created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-01T08:00:00.000Z' } satisfies Article
    expect(draftOf(a)).toEqual({ lang: 'zh', category: '', title: '多久发货？', questions: '几天能到\n什么时候发', body: '答', status: 'published' })
  })
})

describe('excerpt', () => {
  test('folds whitespace, keeps short text whole, cuts long text at a word or, without spaces, at the length', () => {
    expect(excerpt(' a\n\n b ')).toBe('a b')
    expect(excerpt('one two three four', 15)).toBe('one two three…')
    expect(excerpt('退'.repeat(20), 10)).toBe(`${'退'.repeat(10)}…`)
  })
})
