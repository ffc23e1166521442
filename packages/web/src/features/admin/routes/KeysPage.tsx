import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { KEYS_KEY, listKeys, revokeKey, type ApiKey, type CreatedKey } from '../api/keys.ts'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { CreateKeyDialog } from '../components/CreateKeyDialog.tsx'
import { OneTimeSecretDialog } from '../components/OneTimeSecretDialog.tsx'

/** API keys of the workspace: create one (the whole key is shown once), see when each was used, revoke. */
export default function KeysPage() {
  const { t, i18n } = useTranslation('admin')
  const { t: tc } = useTranslation()
  const can = useCan()
  const toast = useToast()
  const qc = useQueryClient()
  const list = useQuery({ queryKey: KEYS_KEY, queryFn: listKeys })
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const editable = can('settings:write')
  const lang = i18n.language

  const onCreated = (k: CreatedKey) => {
    setCreating(false)
    setCreated(k)
    void qc.invalidateQueries({ queryKey: KEYS_KEY })
    toast(t('keys.created', { name: k.name }))
  }
  const revoke = async (k: ApiKey) => {
    await revokeKey(k.id)
    await qc.invalidateQueries({ queryKey: KEYS_KEY })
    toast(t('keys.revoked', { name: k.name }))
  }

  const columns: Column<ApiKey>[] = [
    { key: 'name', header: t('keys.name'), render: (k) => k.name },
    { key: 'role', header: t('keys.role'), render: (k) => tc(`roles.${k.role}`) },
    { key: 'prefix', header: t('keys.prefix'), render: (k) => <code>{`rk_${k.prefix}_…`}</code> },
    { key: 'created_at', header: t('keys.createdAt'), render: (k) => formatDateTime(k.created_at, lang) },
    { key: 'created_by', header: t('keys.createdBy'), render: (k) => k.created_by, hiddenByDefault: true },
    { key: 'last_used_at', header: t('keys.lastUsed'), render: (k) => (k.last_used_at ? formatDateTime(k.last_used_at, lang) : t('keys.never')) },
    { key: 'expires_at', header: t('keys.expiresAt'), render: (k) => (k.expires_at ? formatDateTime(k.expires_at, lang) : t('keys.noExpiry')) },
    {
      key: 'status',
      header: t('keys.status'),
      render: (k) =>
        k.revoked_at ? (
          <span className="badge">{t('keys.revokedAt', { at: formatDateTime(k.revoked_at, lang) })}</span>
        ) : k.expires_at && new Date(k.expires_at) < new Date() ? (
          <span className="badge">{t('keys.expired')}</span>
        ) : (
          <span className="badge">{t('keys.active')}</span>
        ),
    },
  ]
  if (editable) {
    columns.push({
      key: 'actions',
      header: t('keys.actions'),
      render: (k) =>
        k.revoked_at ? null : (
          <button type="button" className="btn btn-small btn-danger" aria-label={t('keys.revokeNamed', { name: k.name })} onClick={() => setRevoking(k)}>
            {t('keys.revoke')}
          </button>
        ),
    })
  }

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('keys.title')}</h1>
        {editable && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('keys.create')}
          </button>
        )}
      </header>
      <p className="page-intro">{t('keys.intro')}</p>
      <DataTable
        id="admin-keys"
        caption={t('keys.title')}
        columns={columns}
        rows={list.data?.data ?? []}
        rowKey={(k) => k.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={t('keys.empty')}
      />
      {creating && <CreateKeyDialog onCreated={onCreated} onClose={() => setCreating(false)} />}
      {created && <OneTimeSecretDialog title={t('keys.newKeyTitle', { name: created.name })} secret={created.key} warning={t('keys.newKeyWarning')} onClose={() => setCreated(null)} />}
      {revoking && (
        <ConfirmDialog title={t('keys.confirmRevokeTitle')} confirmLabel={t('keys.revoke')} onConfirm={() => revoke(revoking)} onClose={() => setRevoking(null)}>
          <p>{t('keys.confirmRevokeBody', { name: revoking.name, prefix: revoking.prefix })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
