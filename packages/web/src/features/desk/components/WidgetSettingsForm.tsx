import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { lineIssues, listLines } from '../../../lib/lines.ts'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { updateChatWidget, WIDGET_KEY } from '../api/desk.ts'
import type { ChatWidget, ChatWidgetPatch } from '../api/desk-types.ts'
import { draftOf, POLICY_FIELDS, widgetPatch, type WidgetDraft } from '../lib/widget-draft.ts'

/** Limits the server enforces (chat-widget-input.ts); the inputs stop there so nothing typed is lost to a refusal. */
const GREETING_MAX = 500

/**
 * The widget's settings: on or off, the origins that may embed it, the greetings and the answer policy. Save sends
 * only what changed (off while nothing has); the server's answer becomes what the form shows (it normalises the
 * origins). Without settings:write the fields are read-only and there is no Save.
 */
export function WidgetSettingsForm({ widget, editable }: { widget: ChatWidget; editable: boolean }) {
  const { t } = useTranslation('chatWidget')
  const { t: tc } = useTranslation()
  const qc = useQueryClient()
  const toast = useToast()
  const [draft, setDraft] = useState<WidgetDraft>(() => draftOf(widget))
  // The lines of the origins as sent: the errors name entries of that list, whatever was typed since.
  const [sentLines, setSentLines] = useState<number[]>([])
  const save = useCheckedSubmit<ChatWidgetPatch, ChatWidget>('PATCH /api/v1/desk/widget', updateChatWidget, (w) => {
    qc.setQueryData(WIDGET_KEY, w)
    setDraft(draftOf(w))
    toast(t('saved'))
  })
  const set = <K extends keyof WidgetDraft>(k: K, v: WidgetDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const patch = widgetPatch(widget, draft)
  const changed = Object.keys(patch).length > 0
  // The server's `allowed_origins.<i>` is an index of the sent list: said as the line it is on.
  const originIssues = lineIssues(save.errors, 'allowed_origins', sentLines)
  const originError = originIssues.length === 0 ? undefined : originIssues.map((i) => (i.line === null ? i.message : tc('lineIssue', { line: i.line, message: i.message }))).join('; ')

  return (
    <form
      className="panel form-stack"
      id="chat-widget-form"
      data-changed={changed}
      noValidate
      aria-labelledby="chat-widget-form-title"
      onSubmit={(e) => {
        e.preventDefault()
        if (!editable || !changed) return
        setSentLines(listLines(draft.origins).lines)
        void save.submit(patch)
      }}
    >
      <h2 id="chat-widget-form-title">{t('settings.title')}</h2>
      <Field label={t('enabled.label')} hint={t(draft.enabled ? 'enabled.on' : 'enabled.off')} error={save.errors.enabled}>
        <input
          type="checkbox"
          role="switch"
          // The field is a flex column that stretches its control: a checkbox would sit centred under its label.
          style={{ alignSelf: 'flex-start' }}
          data-field="enabled"
          checked={draft.enabled}
          disabled={!editable}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
      </Field>
      <Field label={t('origins.label')} hint={t('origins.hint')} error={originError}>
        <textarea
          data-field="allowed_origins"
          data-i18n-skip
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          placeholder="https://shop.example.com"
          value={draft.origins}
          readOnly={!editable}
          onChange={(e) => set('origins', e.target.value)}
        />
      </Field>
      <div className="grid-2">
        <Field label={t('greetings.en')} hint={t('greetings.hint')} error={save.errors.greeting_en}>
          <textarea data-field="greeting_en" lang="en" rows={3} maxLength={GREETING_MAX} value={draft.greeting_en} readOnly={!editable} onChange={(e) => set('greeting_en', e.target.value)} />
        </Field>
        <Field label={t('greetings.zh')} hint={t('greetings.hint')} error={save.errors.greeting_zh}>
          <textarea data-field="greeting_zh" lang="zh-CN" rows={3} maxLength={GREETING_MAX} value={draft.greeting_zh} readOnly={!editable} onChange={(e) => set('greeting_zh', e.target.value)} />
        </Field>
      </div>
      <fieldset className="chat-widget-policy" id="chat-widget-policy">
        <legend>{t('policy.title')}</legend>
        <p className="muted">{t('policy.intro')}</p>
        <div className="grid-3">
          {POLICY_FIELDS.map((k) => (
            <Field key={k} label={t(`policy.${k}.label`)} hint={t(`policy.${k}.hint`)} error={save.errors[k]}>
              <input type="number" data-field={k} min={0} max={1} step={0.05} inputMode="decimal" value={draft[k]} readOnly={!editable} onChange={(e) => set(k, e.target.value)} />
            </Field>
          ))}
        </div>
      </fieldset>
      {save.general !== null && (
        <p className="notice notice-error" role="alert" id="chat-widget-error">
          {t('saveFailed')} <ServerError error={save.general} />
        </p>
      )}
      {editable && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" id="chat-widget-save" disabled={!changed || save.busy}>
            {tc('actions.save')}
          </button>
        </div>
      )}
    </form>
  )
}
