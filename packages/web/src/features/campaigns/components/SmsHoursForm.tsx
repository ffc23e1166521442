import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { CampaignSettings } from '../api/campaign-types.ts'
import { useSettingsSave } from '../lib/use-settings-save.ts'
import { SettingsForm } from './SettingsForm.tsx'

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`
// The API's bounds: a window starts at 0–23 and ends at 1–24 (24 = midnight at the end of the day).
const STARTS = Array.from({ length: 24 }, (_, h) => h)
const ENDS = Array.from({ length: 24 }, (_, h) => h + 1)

/** The local hours (workspace time zone) SMS may go out in; outside them they wait for the next window. */
export function SmsHoursForm({ settings, editable }: { settings: CampaignSettings; editable: boolean }) {
  const { t } = useTranslation('campaignSettings')
  const [start, setStart] = useState(settings.sms_hours.start)
  const [end, setEnd] = useState(settings.sms_hours.end)
  const save = useSettingsSave()
  return (
    <SettingsForm
      id="sms-hours"
      title={t('smsHours.title')}
      intro={t('smsHours.intro', { start: hour(settings.sms_hours.start), end: hour(settings.sms_hours.end) })}
      editable={editable}
      busy={save.busy}
      general={save.general}
      onSubmit={() => void save.submit({ sms_hours: { start, end } })}
    >
      <div className="grid-2">
        <Field label={t('smsHours.start')} error={save.errors['sms_hours.start']}>
          <select data-control="sms-start" value={start} disabled={!editable} onChange={(e) => setStart(Number(e.target.value))}>
            {STARTS.map((h) => <option key={h} value={h}>{hour(h)}</option>)}
          </select>
        </Field>
        {/* "start must be before end" is about the pair: the server reports it on sms_hours, shown here. */}
        <Field label={t('smsHours.end')} error={save.errors['sms_hours.end'] ?? save.errors.sms_hours}>
          <select data-control="sms-end" value={end} disabled={!editable} onChange={(e) => setEnd(Number(e.target.value))}>
            {ENDS.map((h) => <option key={h} value={h}>{hour(h)}</option>)}
          </select>
        </Field>
      </div>
    </SettingsForm>
  )
}
