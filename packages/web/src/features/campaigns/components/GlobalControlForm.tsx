import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { formatDate, formatDateTime } from '../../../lib/format.ts'
import type { CampaignSettings } from '../api/campaign-types.ts'
import { numberOf, useSettingsSave } from '../lib/use-settings-save.ts'
import { SettingsForm } from './SettingsForm.tsx'

const REDRAW_AFTER_MS = 30 * 86_400_000

/**
 * When the share can change again: the server re-draws the group on every change and refuses one within
 * 30 days of the last draw while a group exists, so long-run lift is measured on a stable group. Null: now.
 */
export function nextChangeAt(s: Pick<CampaignSettings, 'global_control_pct' | 'global_control_drawn_at'>, now = Date.now()): Date | null {
  if (s.global_control_pct <= 0 || !s.global_control_drawn_at) return null
  const next = new Date(s.global_control_drawn_at).getTime() + REDRAW_AFTER_MS
  return next > now ? new Date(next) : null
}

/** The share of customers kept out of every campaign, to measure what campaigns add over time. */
export function GlobalControlForm({ settings, editable }: { settings: CampaignSettings; editable: boolean }) {
  const { t, i18n } = useTranslation('campaignSettings')
  const lang = i18n.language
  const [pct, setPct] = useState(String(settings.global_control_pct))
  const save = useSettingsSave()
  const next = nextChangeAt(settings)
  return (
    <SettingsForm
      id="global-control"
      title={t('globalControl.title')}
      intro={t('globalControl.intro')}
      editable={editable}
      busy={save.busy}
      general={save.general}
      onSubmit={() => void save.submit({ global_control_pct: numberOf(pct) })}
    >
      <dl className="facts" id="global-control-facts">
        <dt>{t('globalControl.drawnAt')}</dt>
        <dd data-drawn-at={settings.global_control_drawn_at ?? ''}>{settings.global_control_drawn_at ? formatDateTime(settings.global_control_drawn_at, lang) : t('globalControl.neverDrawn')}</dd>
        <dt>{t('globalControl.nextChange')}</dt>
        <dd>{next ? formatDate(next, lang) : t('globalControl.anyTime')}</dd>
      </dl>
      <Field label={t('globalControl.pct')} error={save.errors.global_control_pct} hint={t('globalControl.rule')}>
        <input type="number" min={0} max={50} step={0.5} data-control="global-control-pct" value={pct} disabled={!editable} onChange={(e) => setPct(e.target.value)} />
      </Field>
    </SettingsForm>
  )
}
