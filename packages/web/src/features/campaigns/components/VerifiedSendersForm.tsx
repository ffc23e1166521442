import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { CampaignSettings } from '../api/campaign-types.ts'
import { useSettingsSave } from '../lib/use-settings-save.ts'
import { SettingsForm } from './SettingsForm.tsx'

/** A field error about any entry of the list (`verified_senders.3`) or the list itself. */
const listError = (errors: Record<string, string>): string | undefined =>
  Object.entries(errors).find(([k]) => k === 'verified_senders' || k.startsWith('verified_senders.'))?.[1]

/**
 * The From addresses the workspace has verified: a campaign from any other is refused before it starts,
 * and confirmation e-mails go out from the first. Adding and removing each save the whole list at once.
 */
export function VerifiedSendersForm({ settings, editable }: { settings: CampaignSettings; editable: boolean }) {
  const { t } = useTranslation('campaignSettings')
  const [address, setAddress] = useState('')
  const [duplicate, setDuplicate] = useState(false)
  const save = useSettingsSave(() => setAddress(''))
  const senders = settings.verified_senders
  const add = () => {
    const a = address.trim()
    // The server would keep both copies; one is what the person meant.
    const dup = senders.some((s) => s.toLowerCase() === a.toLowerCase())
    setDuplicate(dup)
    if (!dup) void save.submit({ verified_senders: [...senders, a] })
  }
  return (
    <SettingsForm id="verified-senders" title={t('senders.title')} intro={t('senders.intro')} editable={editable} busy={save.busy} general={save.general} onSubmit={add} submitLabel={t('senders.addButton')}>
      {senders.length === 0 ? (
        <p className="notice" id="no-verified-senders">{t('senders.none')}</p>
      ) : (
        <ul className="chips" aria-label={t('senders.title')} id="verified-sender-list">
          {senders.map((s) => (
            <li key={s} className="chip" data-sender={s}>
              <span>{s}</span>
              {editable && (
                <button type="button" className="chip-remove" aria-label={t('senders.remove', { address: s })} disabled={save.busy} onClick={() => void save.submit({ verified_senders: senders.filter((x) => x !== s) })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Field label={t('senders.add')} error={duplicate ? t('senders.duplicate') : listError(save.errors)}>
          <input type="email" data-control="sender-address" autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
      )}
    </SettingsForm>
  )
}
