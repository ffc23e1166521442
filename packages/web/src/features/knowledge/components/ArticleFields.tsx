import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { lineIssues, listLines } from '../../../lib/lines.ts'
import { LANGS, STATUSES, type ArticleLang, type ArticleStatus } from '../api/kb-types.ts'
import type { ArticleDraft } from '../lib/article-draft.ts'

/** Limits the server enforces (kb-article-input.ts); the inputs stop there so nothing typed is lost to a refusal. */
const MAX = { title: 300, body: 20_000, category: 120 }

/**
 * The errors about the other questions (`questions.<i>` names an entry of the sent list), each said with the line
 * it is on. The list sent is the one typed, unless it was changed since; then the line may be off, as with any
 * error shown beside text that changed after it.
 */
function questionsError(errors: Record<string, string>, questions: string, t: (k: string, o: Record<string, unknown>) => string): string | undefined {
  const issues = lineIssues(errors, 'questions', listLines(questions).lines)
  return issues.length === 0 ? undefined : issues.map((i) => (i.line === null ? i.message : t('lineIssue', { line: i.line, message: i.message }))).join('; ')
}

/** The article's fields; each shows the error the client's rules or the server gave for it. */
export function ArticleFields({ draft, onChange, errors, readOnly }: {
  draft: ArticleDraft
  onChange: (d: ArticleDraft) => void
  errors: Record<string, string>
  readOnly: boolean
}) {
  const { t } = useTranslation('knowledge')
  const { t: tc } = useTranslation()
  const set = <K extends keyof ArticleDraft>(k: K, v: ArticleDraft[K]) => onChange({ ...draft, [k]: v })
  return (
    <>
      <div className="grid-2">
        <Field label={t('fields.lang')} error={errors.lang}>
          <select data-field="lang" value={draft.lang} disabled={readOnly} onChange={(e) => set('lang', e.target.value as ArticleLang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`langs.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.status')} hint={t('edit.statusHint')} error={errors.status}>
          <select data-field="status" value={draft.status} disabled={readOnly} onChange={(e) => set('status', e.target.value as ArticleStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('fields.category')} hint={t('edit.categoryHint')} error={errors.category}>
        <input type="text" data-field="category" value={draft.category} maxLength={MAX.category} readOnly={readOnly} onChange={(e) => set('category', e.target.value)} />
      </Field>
      <Field label={t('fields.title')} error={errors.title}>
        <input type="text" data-field="title" lang={draft.lang} value={draft.title} maxLength={MAX.title} readOnly={readOnly} onChange={(e) => set('title', e.target.value)} />
      </Field>
      <Field label={t('fields.questions')} hint={t('edit.questionsHint')} error={questionsError(errors, draft.questions, tc)}>
        <textarea data-field="questions" lang={draft.lang} value={draft.questions} rows={5} readOnly={readOnly} onChange={(e) => set('questions', e.target.value)} />
      </Field>
      <Field label={t('fields.body')} hint={t('edit.bodyHint')} error={errors.body}>
        <textarea data-field="body" lang={draft.lang} value={draft.body} rows={10} maxLength={MAX.body} readOnly={readOnly} onChange={(e) => set('body', e.target.value)} />
      </Field>
    </>
  )
}
