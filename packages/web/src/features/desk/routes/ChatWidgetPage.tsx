import { useState } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useCan } from '../../auth/api/session.ts'
import { useChatWidget } from '../api/desk.ts'
import { WidgetEmbed } from '../components/WidgetEmbed.tsx'
import { WidgetPreview } from '../components/WidgetPreview.tsx'
import { WidgetSettingsForm } from '../components/WidgetSettingsForm.tsx'
import type { WidgetLang } from '../lib/widget-draft.ts'

/**
 * `desk/widget`: the chat a shop embeds — its settings, the embed code and a live preview. Anyone who reads the
 * desk sees them; settings:write (owners, admins) changes them and makes a new site key.
 */
export default function ChatWidgetPage() {
  const { t, i18n } = useTranslation('chatWidget')
  const can = useCan()
  const widget = useChatWidget()
  const editable = can('settings:write')
  // The embed code's and the preview's language: the one the person works in, to start with.
  const [lang, setLang] = useState<WidgetLang>(() => (i18n.language.startsWith('zh') ? 'zh' : 'en'))
  return (
    <section className="page chat-widget-page" id="chat-widget" data-editable={editable}>
      <p>
        <Link to="/desk">← {t('back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <p className="page-intro">{t('intro')}</p>
      {!editable && (
        <p className="notice" id="chat-widget-read-only">
          {t('readOnly')}
        </p>
      )}
      {widget.isPending ? (
        <Loading />
      ) : widget.error ? (
        <ErrorState error={widget.error} onRetry={() => void widget.refetch()} />
      ) : (
        <div className="chat-widget-layout">
          <WidgetSettingsForm widget={widget.data} editable={editable} />
          <div>
            <WidgetEmbed widget={widget.data} lang={lang} onLang={setLang} editable={editable} />
            <WidgetPreview siteKey={widget.data.site_key} lang={lang} version={widget.data.updated_at} />
          </div>
        </div>
      )}
    </section>
  )
}
