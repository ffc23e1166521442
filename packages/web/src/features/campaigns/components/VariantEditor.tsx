import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { Channel } from '../api/campaign-types.ts'
import type { PartsForm, VariantForm } from '../lib/draft.ts'
import { languagesWithIssues, splitPosition, type Issues } from '../lib/field-issues.ts'

export type Lang = 'en' | 'zh'
export type Part = keyof PartsForm
/** Where the cursor was in a template part, for inserting a merge field there. */
export interface Cursor {
  variant: number
  lang: Lang
  part: Part
  at: number
}

interface Props {
  index: number
  variant: VariantForm
  channel: Channel
  issues: Issues
  canRemove: boolean
  onChange: (v: VariantForm) => void
  onRemove: () => void
  onCursor: (c: Cursor) => void
}

/** One variant: its name and weight, and its message in English and Chinese (tabs), each part with its own error. */
export function VariantEditor({ index, variant: v, channel, issues, canRemove, onChange, onRemove, onCursor }: Props) {
  const { t } = useTranslation('campaigns')
  const withErrors = languagesWithIssues(issues, index)
  const [tab, setTab] = useState<{ lang: Lang; issues: Issues }>({ lang: 'en', issues })
  // New errors (a refused save) open the first language with one, unless the one shown has one too; after
  // that the person switches freely.
  if (tab.issues !== issues) setTab({ lang: withErrors.length > 0 && !withErrors.includes(tab.lang) ? (withErrors[0] ?? tab.lang) : tab.lang, issues })
  const shown = tab.issues === issues ? tab.lang : withErrors.length > 0 && !withErrors.includes(tab.lang) ? (withErrors[0] ?? tab.lang) : tab.lang
  const key = (lang: Lang, part: Part) => `variants.${index}.template.${lang}.${part}`
  const parts: Part[] = channel === 'sms' ? ['text'] : ['subject', 'html', 'text']
  const setPart = (lang: Lang, part: Part, value: string) => onChange({ ...v, [lang]: { ...v[lang], [part]: value } })
  const tabId = (lang: Lang) => `variant-${index}-tab-${lang}`

  return (
    <fieldset className="panel campaign-variant" data-variant={index}>
      <legend>{t('edit.variantName')}: {v.name}</legend>
      <div className="grid-3">
        <Field label={t('edit.variantName')} error={issues[`variants.${index}.name`]}>
          <input type="text" data-field={`variants.${index}.name`} value={v.name} maxLength={20} onChange={(e) => onChange({ ...v, name: e.target.value })} />
        </Field>
        <Field label={t('edit.weight')} error={issues[`variants.${index}.weight`]}>
          <input type="number" data-field={`variants.${index}.weight`} min={0} max={100} step="any" value={v.weight} onChange={(e) => onChange({ ...v, weight: e.target.value })} />
        </Field>
        {canRemove && (
          <div className="form-actions">
            <button type="button" className="btn btn-danger btn-small" data-remove-variant={index} onClick={onRemove}>
              {t('edit.removeVariant', { name: v.name })}
            </button>
          </div>
        )}
      </div>
      <div role="tablist" aria-label={t('edit.variantName')} className="campaign-tabs">
        {(['en', 'zh'] as const).map((lang) => (
          <button
            key={lang}
            type="button"
            role="tab"
            id={tabId(lang)}
            data-tab={lang}
            aria-selected={shown === lang}
            aria-controls={`${tabId(lang)}-panel`}
            className={`btn btn-small${shown === lang ? ' btn-selected' : ''}`}
            onClick={() => setTab({ lang, issues })}
          >
            {withErrors.includes(lang) ? t('edit.langHasErrors', { lang: t(`edit.lang.${lang}`) }) : t(`edit.lang.${lang}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabId(shown)}-panel`} aria-labelledby={tabId(shown)} data-lang={shown}>
        {shown === 'zh' && <p className="muted">{t('edit.zhOptional')}</p>}
        {parts.map((part) => {
          const error = issues[key(shown, part)]
          return (
            <Field key={`${shown}-${part}`} label={part === 'text' && channel === 'sms' ? t('edit.smsText') : t(`edit.${part}`)} error={error === undefined ? undefined : issueText(t, error)}>
              {part === 'subject' ? (
                <input
                  type="text"
                  data-field={key(shown, part)}
                  value={v[shown][part]}
                  maxLength={500}
                  onChange={(e) => setPart(shown, part, e.target.value)}
                  onBlur={(e) => onCursor({ variant: index, lang: shown, part, at: e.target.selectionStart ?? e.target.value.length })}
                />
              ) : (
                <textarea
                  data-i18n-skip
                  data-field={key(shown, part)}
                  rows={part === 'html' ? 8 : 5}
                  spellCheck={false}
                  value={v[shown][part]}
                  onChange={(e) => setPart(shown, part, e.target.value)}
                  onBlur={(e) => onCursor({ variant: index, lang: shown, part, at: e.target.selectionStart })}
                />
              )}
            </Field>
          )
        })}
      </div>
    </fieldset>
  )
}

/** A template error; "line 3, column 7: …" gets its position in the reader's language first. */
export function issueText(t: (k: string, o?: Record<string, unknown>) => string, message: string): string {
  const pos = splitPosition(message)
  return pos ? `${t('edit.at', { line: pos.line, column: pos.column })} ${pos.text}` : message
}
