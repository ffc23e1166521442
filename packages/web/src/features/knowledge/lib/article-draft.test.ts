import { describe, expect, test } from 'vitest'
import { excerpt } from './excerpt.ts'
import { emptyDraft, newArticleBody, patchBody } from './article-draft.ts'

describe('article bodies', () => {
  test('a new article is trimmed and has no category unless one was typed', () => {
    expect(newArticleBody({ ...emptyDraft('zh'), title: ' 问 ', body: ' 答\n ' })).toEqual({ lang: 'zh', title: '问', body: '答', status: 'draft' })
    expect(newArticleBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: ' Returns ', status: 'published' })).toEqual({ lang: 'en', title: 'Q', body: 'A', category: 'Returns', status: 'published' })
  })

  test('a change says when the category was cleared', () => {
    expect(patchBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: '  ' })).toEqual({ body: { lang: 'en', title: 'Q', body: 'A', status: 'draft' }, clearCategory: true })
    expect(patchBody({ ...emptyDraft('en'), title: 'Q', body: 'A', category: 'Billing' }).clearCategory).toBe(false)
  })
})

describe('excerpt', () => {
  test('folds whitespace, keeps short text whole, cuts long text at a word or, without spaces, at the length', () => {
    expect(excerpt(' a\n\n b ')).toBe('a b')
    expect(excerpt('one two three four', 15)).toBe('one two three…')
    expect(excerpt('退'.repeat(20), 10)).toBe(`${'退'.repeat(10)}…`)
  })
})
