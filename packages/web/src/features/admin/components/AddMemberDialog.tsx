import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { Field } from '../../../components/Field.tsx'
import { errorMessage } from '../../../components/States.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { addMember, type AddedMember, type MemberRole, type NewMember } from '../api/members.ts'
import { ROLES } from '../api/roles.ts'

interface Draft {
  email: string
  name: string
  role: MemberRole
  locale: 'en' | 'zh-CN'
  password: string
}

/** Adds a person with a role; without a password the server generates one and returns it once. */
export function AddMemberDialog({ onAdded, onClose }: { onAdded: (m: AddedMember) => void; onClose: () => void }) {
  const { t } = useTranslation('admin')
  const { t: tc } = useTranslation()
  const [draft, setDraft] = useState<Draft>({ email: '', name: '', role: 'viewer', locale: 'zh-CN', password: '' })
  const { errors, general, busy, submit: send } = useCheckedSubmit('POST /api/v1/members', addMember, onAdded)
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body: NewMember = { email: draft.email.trim(), name: draft.name.trim(), role: draft.role, locale: draft.locale, ...(draft.password !== '' && { password: draft.password }) }
    await send(body)
  }

  return (
    <Dialog open title={t('members.addTitle')} onClose={onClose}>
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('members.email')} error={errors.email}>
          <input type="email" value={draft.email} onChange={set('email')} autoComplete="off" required />
        </Field>
        <Field label={t('members.name')} error={errors.name}>
          <input value={draft.name} onChange={set('name')} required />
        </Field>
        <Field label={t('members.role')} error={errors.role}>
          <select value={draft.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('members.locale')} error={errors.locale}>
          <select value={draft.locale} onChange={set('locale')}>
            <option value="zh-CN">{t('members.locales.zh-CN')}</option>
            <option value="en">{t('members.locales.en')}</option>
          </select>
        </Field>
        <Field label={t('members.password')} error={errors.password} hint={t('members.passwordHint')}>
          <input type="password" value={draft.password} onChange={set('password')} autoComplete="new-password" />
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
            {t('members.add')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
