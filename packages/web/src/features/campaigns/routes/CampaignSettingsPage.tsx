import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useCan } from '../../auth/api/session.ts'
import { useCampaignSettings } from '../api/campaigns.ts'
import { DoubleOptInPanel } from '../components/DoubleOptInPanel.tsx'
import { FrequencyCapForm } from '../components/FrequencyCapForm.tsx'
import { GlobalControlForm } from '../components/GlobalControlForm.tsx'
import { SmsHoursForm } from '../components/SmsHoursForm.tsx'
import { VerifiedSendersForm } from '../components/VerifiedSendersForm.tsx'

/**
 * The rules every campaign of the workspace obeys. Anyone who can read customers sees them; settings:write
 * changes them (each section saves on its own); campaigns:send asks unconfirmed customers to confirm.
 */
export default function CampaignSettingsPage() {
  const { t } = useTranslation('campaignSettings')
  const can = useCan()
  const settings = useCampaignSettings()
  const editable = can('settings:write')
  return (
    <section className="page campaign-settings-page" id="campaign-settings" data-editable={editable}>
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <p className="page-intro">{t('intro')}</p>
      {!editable && (
        <p className="notice" id="settings-read-only">
          {t('readOnly')}
        </p>
      )}
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <FrequencyCapForm settings={settings.data} editable={editable} />
          <SmsHoursForm settings={settings.data} editable={editable} />
          <VerifiedSendersForm settings={settings.data} editable={editable} />
          <GlobalControlForm settings={settings.data} editable={editable} />
          {(['email', 'sms'] as const).map((ch) => (
            <DoubleOptInPanel key={ch} channel={ch} required={settings.data.double_opt_in[ch]} editable={editable} canSend={can('campaigns:send')} />
          ))}
        </>
      )}
    </section>
  )
}
