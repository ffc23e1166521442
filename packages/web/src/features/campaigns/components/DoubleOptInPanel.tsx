import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { consentConfirmationsKey, requestConsentConfirmations, useConsentConfirmations } from '../api/campaigns.ts'
import type { Channel } from '../api/campaign-types.ts'
import { useSettingsSave } from '../lib/use-settings-save.ts'
import { ConfirmationCounts } from './ConfirmationCounts.tsx'

/**
 * Double opt-in on one channel: the switch (saved at once), how many grants are confirmed, and the button
 * that asks every unconfirmed customer to confirm (a job; each customer at most once a week).
 */
export function DoubleOptInPanel(p: { channel: Channel; required: boolean; editable: boolean; canSend: boolean }) {
  const { t, i18n } = useTranslation('campaignSettings')
  const qc = useQueryClient()
  const toast = useToast()
  const counts = useConsentConfirmations(p.channel)
  // The counts' `required` and what a campaign may send both follow the switch.
  const save = useSettingsSave(() => void qc.invalidateQueries({ queryKey: consentConfirmationsKey(p.channel) }))
  const [asking, setAsking] = useState(false)
  const id = `double-opt-in-${p.channel}`
  const toAsk = counts.data ? counts.data.unconfirmed - counts.data.requested_recently : 0
  return (
    <section className="panel form-stack" id={id} data-required={p.required} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`doubleOptIn.title.${p.channel}`)}</h2>
      <p className="muted">{t(`doubleOptIn.intro.${p.channel}`)}</p>
      <Field label={t('doubleOptIn.require')} error={save.errors[`double_opt_in.${p.channel}`] ?? save.errors.double_opt_in} hint={t(p.required ? 'doubleOptIn.on' : 'doubleOptIn.off')}>
        <input
          type="checkbox"
          role="switch"
          // The field is a flex column that stretches its control: a checkbox would sit centred under its label.
          style={{ alignSelf: 'flex-start' }}
          data-control={`double-opt-in-${p.channel}`}
          checked={p.required}
          disabled={!p.editable || save.busy}
          onChange={(e) => void save.submit({ double_opt_in: p.channel === 'email' ? { email: e.currentTarget.checked } : { sms: e.currentTarget.checked } })}
        />
      </Field>
      {save.general !== null && (
        <p className="notice notice-error" role="alert">
          <ServerError error={save.general} />
        </p>
      )}
      <ConfirmationCounts id={`${id}-counts`} query={counts} />
      {p.canSend && (
        <div className="form-actions">
          <span className="field-hint">{counts.data && toAsk <= 0 ? t('doubleOptIn.nobodyToAsk') : t('doubleOptIn.onceAWeek')}</span>
          <button type="button" className="btn" id={`send-confirmations-${p.channel}`} disabled={!counts.data || toAsk <= 0} onClick={() => setAsking(true)}>
            {t('doubleOptIn.send')}
          </button>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={t(`doubleOptIn.sendTitle.${p.channel}`)}
          confirmLabel={t('doubleOptIn.sendConfirm')}
          onClose={() => setAsking(false)}
          onConfirm={async () => {
            const r = await requestConsentConfirmations(p.channel)
            toast(t('doubleOptIn.queued', { job: r.job_id }))
            void qc.invalidateQueries({ queryKey: consentConfirmationsKey(p.channel) })
          }}
        >
          <p>{t(`doubleOptIn.sendBody.${p.channel}`, { n: formatNumber(toAsk, i18n.language) })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
