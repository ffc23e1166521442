import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { Field } from '../../../components/Field.tsx'
import { errorMessage } from '../../../components/States.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import type { Role } from '../../../lib/api/types.ts'
import { createKey, type CreatedKey, type NewKey } from '../api/keys.ts'
import { ROLES } from '../api/roles.ts'

/** Name, role and an optional lifetime for a new key; the created key goes to the one-time dialog. */
export function CreateKeyDialog({ onCreated, onClose }: { onCreated: (k: CreatedKey) => void; onClose: () => void }) {
  const { t } = useTranslation('admin')
  const { t: tc } = useTranslation()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [days, setDays] = useState('')
  const { errors, general, busy, submit: send } = useCheckedSubmit('POST /api/v1/keys', createKey, onCreated)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body: NewKey = { name: name.trim(), role, ...(days.trim() !== '' && { expires_in_days: Number(days) }) }
    await send(body)
  }

  return (
    <Dialog open title={t('keys.createTitle')} onClose={onClose}>
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('keys.name')} error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('keys.role')} error={errors.role} hint={t('keys.roleHint')}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('keys.expiresInDays')} error={errors.expires_in_days} hint={t('keys.expiresHint')}>
          <input type="number" inputMode="numeric" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        {general ? (
          <p className="notice notice-error" role="alert">
            {errorMessage(general, tc)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tc('actions.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('keys.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
