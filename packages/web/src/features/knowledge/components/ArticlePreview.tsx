import { useTranslation } from 'react-i18next'
import type { ArticleDraft } from '../lib/article-draft.ts'
import { AnswerText } from './AnswerText.tsx'

/** The article as a customer-facing answer would read, updated as it is typed. */
export function ArticlePreview({ draft }: { draft: ArticleDraft }) {
  const { t } = useTranslation('knowledge')
  const empty = draft.title.trim() === '' && draft.body.trim() === ''
  return (
    <section className="panel" id="article-preview" aria-labelledby="article-preview-title">
      <h2 id="article-preview-title">{t('edit.preview')}</h2>
      {empty ? (
        <p className="muted">{t('edit.previewEmpty')}</p>
      ) : (
        <>
          <h3 lang={draft.lang} id="article-preview-question">{draft.title}</h3>
          <AnswerText text={draft.body} lang={draft.lang} id="article-preview-answer" />
        </>
      )}
    </section>
  )
}
