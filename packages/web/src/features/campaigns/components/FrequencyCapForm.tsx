import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { CampaignSettings } from '../api/campaign-types.ts'
import { numberOf, useSettingsSave } from '../lib/use-settings-save.ts'
import { SettingsForm } from './SettingsForm.tsx'

/** How many marketing messages a customer gets at most in a window of days, across every campaign and channel. */
export function FrequencyCapForm({ settings, editable }: { settings: CampaignSettings; editable: boolean }) {
  const { t } = useTranslation('campaignSettings')
  const [messages, setMessages] = useState(String(settings.frequency_cap.messages))
  const [days, setDays] = useState(String(settings.frequency_cap.days))
  const save = useSettingsSave()
  return (
    <SettingsForm
      id="frequency-cap"
      title={t('frequencyCap.title')}
      intro={t('frequencyCap.intro', { messages: settings.frequency_cap.messages, days: settings.frequency_cap.days })}
      editable={editable}
      busy={save.busy}
      general={save.general}
      onSubmit={() => void save.submit({ frequency_cap: { messages: numberOf(messages), days: numberOf(days) } })}
    >
      <div className="grid-2">
        <Field label={t('frequencyCap.messages')} error={save.errors['frequency_cap.messages'] ?? save.errors.frequency_cap}>
          <input type="number" min={1} max={100} step={1} data-control="frequency-messages" value={messages} disabled={!editable} onChange={(e) => setMessages(e.target.value)} />
        </Field>
        <Field label={t('frequencyCap.days')} error={save.errors['frequency_cap.days']}>
          <input type="number" min={1} max={90} step={1} data-control="frequency-days" value={days} disabled={!editable} onChange={(e) => setDays(e.target.value)} />
        </Field>
      </div>
    </SettingsForm>
  )
}
