import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { testPageUrl, type WidgetLang } from '../lib/widget-draft.ts'

/** The embeddable script, as a shop's page loads it (same origin here: the dashboard's CSP allows it). */
export const WIDGET_SCRIPT = '/widget/v1/chat-widget.js'

let injections = 0

/**
 * The live preview: the real widget, shown open inside `#chat-preview` (its data-target mode), talking to this
 * Rapport. It is put in again — a fresh chat — when the key, the language or the saved settings change. Each
 * injection gets its own target element, removed with it: a script still loading when it was replaced finds no
 * target and shows nothing, so two widgets never stack up. The chat token the widget keeps for the key is
 * forgotten first, so the fresh chat greets in the chosen language.
 */
export function WidgetPreview({ siteKey, lang, version }: { siteKey: string; lang: WidgetLang; version: string }) {
  const { t } = useTranslation('chatWidget')
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    injections += 1
    const target = document.createElement('div')
    target.id = `chat-preview-${injections}`
    target.className = 'chat-preview-target'
    try {
      localStorage.removeItem(`rapport-chat:${siteKey}`)
    } catch {
      // Storage may be off: the widget then starts a fresh chat anyway.
    }
    const script = document.createElement('script')
    script.src = WIDGET_SCRIPT
    script.async = true
    script.dataset.siteKey = siteKey
    script.dataset.lang = lang
    script.dataset.target = `#${target.id}`
    el.replaceChildren(target, script)
    return () => el.replaceChildren()
  }, [siteKey, lang, version])
  return (
    <section className="panel" id="chat-preview-panel" aria-labelledby="chat-preview-title">
      <h2 id="chat-preview-title">{t('preview.title')}</h2>
      <p className="muted">{t('preview.intro')}</p>
      <div className="chat-preview" id="chat-preview" ref={box} data-site-key={siteKey} data-lang={lang} />
      <p>
        <a id="chat-widget-test-page" href={testPageUrl(siteKey, lang)} target="_blank" rel="noopener noreferrer">
          {t('preview.testPage')}
        </a>{' '}
        <span className="muted">{t('preview.testPageHint')}</span>
      </p>
    </section>
  )
}
