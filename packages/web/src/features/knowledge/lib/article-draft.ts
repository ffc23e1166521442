import type { Article, ArticleLang, ArticlePatch, ArticleStatus, NewArticle } from '../api/kb-types.ts'

/** What the editor's fields hold: text as typed, an empty category meaning none. */
export interface ArticleDraft {
  lang: ArticleLang
  category: string
  title: string
  body: string
  status: ArticleStatus
}

export const emptyDraft = (lang: ArticleLang): ArticleDraft => ({ lang, category: '', title: '', body: '', status: 'draft' })

export const draftOf = (a: Article): ArticleDraft => ({ lang: a.lang, category: a.category ?? '', title: a.title, body: a.body, status: a.status })

/** The POST body: trimmed as the server would, no category when none was typed. */
export function newArticleBody(d: ArticleDraft): NewArticle {
  const category = d.category.trim()
  return { lang: d.lang, title: d.title.trim(), body: d.body.trim(), status: d.status, ...(category !== '' && { category }) }
}

/**
 * The PATCH body: every field, so the stored article becomes what the form shows. A cleared category is
 * `clearCategory` rather than `category: null` here, because the client-side rules (generated JSON Schema)
 * do not know the field is nullable and would refuse the null; the caller adds it when sending.
 */
export function patchBody(d: ArticleDraft): { body: ArticlePatch; clearCategory: boolean } {
  const category = d.category.trim()
  return { body: { lang: d.lang, title: d.title.trim(), body: d.body.trim(), status: d.status, ...(category !== '' && { category }) }, clearCategory: category === '' }
}
