import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { errorMessage } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDate } from '../../../lib/format.ts'
import { useCan, useSignedIn } from '../../auth/api/session.ts'
import { changeRole, listMembers, MEMBERS_KEY, type AddedMember, type Member, type MemberRole } from '../api/members.ts'
import { ROLES } from '../api/roles.ts'
import { AddMemberDialog } from '../components/AddMemberDialog.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { OneTimeSecretDialog } from '../components/OneTimeSecretDialog.tsx'

/**
 * The people of the workspace and their roles: add someone, change a role. The API has no removal of a
 * member yet, so neither has this page.
 */
export default function MembersPage() {
  const { t, i18n } = useTranslation('admin')
  const { t: tc } = useTranslation()
  const can = useCan()
  const me = useSignedIn()
  const toast = useToast()
  const qc = useQueryClient()
  const list = useQuery({ queryKey: MEMBERS_KEY, queryFn: listMembers })
  const [adding, setAdding] = useState(false)
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null)
  const [change, setChange] = useState<{ member: Member; role: MemberRole } | null>(null)
  const editable = can('members:write')

  const added = (m: AddedMember) => {
    setAdding(false)
    void qc.invalidateQueries({ queryKey: MEMBERS_KEY })
    toast(t('members.added', { email: m.email }))
    if (m.password) setPassword({ email: m.email, password: m.password })
  }
  const applyRole = async (member: Member, role: MemberRole) => {
    await changeRole(member.id, role)
    await qc.invalidateQueries({ queryKey: MEMBERS_KEY })
    toast(t('members.roleChanged', { email: member.email, role: tc(`roles.${role}`) }))
  }
  const pickRole = (member: Member, role: MemberRole) => {
    // Taking the owner role away (or one's own admin rights) is asked first; other changes apply at once.
    if (member.role === 'owner' || member.email === me.user?.email) setChange({ member, role })
    else applyRole(member, role).catch((err: unknown) => toast(errorMessage(err, tc), 'error'))
  }

  const columns: Column<Member>[] = [
    { key: 'email', header: t('members.email'), render: (m) => m.email },
    { key: 'name', header: t('members.name'), render: (m) => m.name },
    {
      key: 'role',
      header: t('members.role'),
      render: (m) =>
        editable ? (
          <select aria-label={t('members.roleOf', { email: m.email })} value={m.role} onChange={(e) => pickRole(m, e.target.value as MemberRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          tc(`roles.${m.role}`)
        ),
    },
    { key: 'locale', header: t('members.locale'), render: (m) => t(`members.locales.${m.locale}`), hiddenByDefault: true },
    { key: 'created_at', header: t('members.createdAt'), render: (m) => formatDate(m.created_at, i18n.language) },
  ]

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('members.title')}</h1>
        {editable && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('members.add')}
          </button>
        )}
      </header>
      <p className="page-intro">{t('members.intro')}</p>
      <DataTable
        id="admin-members"
        caption={t('members.title')}
        columns={columns}
        rows={list.data?.data ?? []}
        rowKey={(m) => m.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={t('members.empty')}
      />
      {adding && <AddMemberDialog onAdded={added} onClose={() => setAdding(false)} />}
      {password && (
        <OneTimeSecretDialog
          title={t('members.passwordTitle')}
          secret={password.password}
          warning={t('members.passwordWarning', { email: password.email })}
          onClose={() => setPassword(null)}
        />
      )}
      {change && (
        <ConfirmDialog
          title={t('members.confirmRoleTitle')}
          confirmLabel={t('members.confirmRole')}
          onConfirm={() => applyRole(change.member, change.role)}
          onClose={() => setChange(null)}
        >
          <p>{t('members.confirmRoleBody', { email: change.member.email, from: tc(`roles.${change.member.role}`), to: tc(`roles.${change.role}`) })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
