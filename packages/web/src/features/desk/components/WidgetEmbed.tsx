import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toasts.tsx'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { rotateSiteKey, WIDGET_KEY } from '../api/desk.ts'
import type { ChatWidget } from '../api/desk-types.ts'
import { embedSnippet, WIDGET_LANGS, type WidgetLang } from '../lib/widget-draft.ts'

/**
 * The embed code: the chat's language (the tag's data-lang, which the preview follows too), the tag itself with
 * a copy button, the site key, and — with settings:write — a new key, asked first (pages with the old one stop
 * showing the chat).
 */
export function WidgetEmbed({ widget, lang, onLang, editable }: { widget: ChatWidget; lang: WidgetLang; onLang: (l: WidgetLang) => void; editable: boolean }) {
  const { t } = useTranslation('chatWidget')
  const { t: td } = useTranslation('desk')
  const qc = useQueryClient()
  const toast = useToast()
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const [rotating, setRotating] = useState(false)
  const snippet = embedSnippet(window.location.origin, widget.site_key, lang)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet)
      setCopied('yes')
    } catch {
      // No clipboard permission (an insecure origin, a refused prompt): the person selects the text instead.
      setCopied('no')
    }
  }
  return (
    <section className="panel" id="chat-widget-embed" aria-labelledby="chat-widget-embed-title" data-lang={lang}>
      <h2 id="chat-widget-embed-title">{t('embed.title')}</h2>
      <p className="muted">{t('embed.intro')}</p>
      <div className="chat-widget-lang" role="group" aria-labelledby="chat-widget-lang-label">
        <span id="chat-widget-lang-label">{t('embed.language')}</span>
        {WIDGET_LANGS.map((l) => (
          <button key={l} type="button" className={`btn btn-small${l === lang ? ' btn-selected' : ''}`} aria-pressed={l === lang} data-widget-lang={l} onClick={() => onLang(l)}>
            {td(`languages.${l}`)}
          </button>
        ))}
      </div>
      <pre className="chat-widget-snippet">
        <code id="chat-widget-snippet">{snippet}</code>
      </pre>
      <div className="secret-actions">
        <button type="button" className="btn" id="chat-widget-copy" onClick={() => void copy()}>
          {t('embed.copy')}
        </button>
        <span role="status">{copied === 'yes' ? t('embed.copied') : copied === 'no' ? t('embed.copyFailed') : ''}</span>
      </div>
      <dl className="facts chat-widget-key">
        <dt>{t('embed.siteKey')}</dt>
        <dd>
          <code id="chat-widget-site-key">{widget.site_key}</code>
        </dd>
      </dl>
      {editable && (
        <div className="form-actions">
          <button type="button" className="btn btn-danger" id="chat-widget-rotate" onClick={() => setRotating(true)}>
            {t('rotate.button')}
          </button>
        </div>
      )}
      {rotating && (
        <ConfirmDialog
          title={t('rotate.title')}
          confirmLabel={t('rotate.confirm')}
          onClose={() => setRotating(false)}
          onConfirm={async () => {
            qc.setQueryData(WIDGET_KEY, await rotateSiteKey())
            setCopied(null)
            toast(t('rotate.done'))
          }}
        >
          <p>{t('rotate.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
