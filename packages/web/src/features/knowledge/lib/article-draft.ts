import { listLines, linesText } from '../../../lib/lines.ts'
import type { Article, ArticleLang, ArticlePatch, ArticleStatus, NewArticle } from '../api/kb-types.ts'

/** What the editor's fields hold: text as typed, an empty category meaning none, the other questions one a line. */
export interface ArticleDraft {
  lang: ArticleLang
  category: string
  title: string
  questions: string
  body: string
  status: ArticleStatus
}

export const emptyDraft = (lang: ArticleLang): ArticleDraft => ({ lang, category: '', title: '', questions: '', body: '', status: 'draft' })

export const draftOf = (a: Article): ArticleDraft => ({
  lang: a.lang, category: a.category ?? '', title: a.title, questions: linesText(a.questions), body: a.body, status: a.status,
})

/** The other questions as the API takes them: one a line, trimmed, blank lines dropped. */
export const questionsOf = (d: ArticleDraft): string[] => listLines(d.questions).items

/** The POST body: trimmed as the server would, no category and no other questions when none were typed. */
export function newArticleBody(d: ArticleDraft): NewArticle {
  const category = d.category.trim()
  const questions = questionsOf(d)
  return { lang: d.lang, title: d.title.trim(), body: d.body.trim(), status: d.status, ...(category !== '' && { category }), ...(questions.length > 0 && { questions }) }
}

/**
 * The PATCH body: every field, so the stored article becomes what the form shows (no other questions is `[]`,
 * which clears them). A cleared category is `clearCategory` rather than `category: null` here, because the
 * client-side rules (generated JSON Schema) do not know the field is nullable and would refuse the null; the
 * caller adds it when sending.
 */
export function patchBody(d: ArticleDraft): { body: ArticlePatch; clearCategory: boolean } {
  const category = d.category.trim()
  return {
    body: { lang: d.lang, title: d.title.trim(), questions: questionsOf(d), body: d.body.trim(), status: d.status, ...(category !== '' && { category }) },
    clearCategory: category === '',
  }
}
