import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useCan } from '../../auth/api/session.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { addSuppression, CAMPAIGNS_KEY, listSuppressions, removeSuppression } from '../api/campaigns.ts'
import type { Channel, Suppression } from '../api/campaign-types.ts'

const KNOWN_REASONS = new Set(['hard_bounce', 'complaint', 'unsubscribe', 'manual'])

/** Addresses campaigns never send to, with why and from where; campaigns:send adds and lifts them. */
export default function SuppressionsPage() {
  const { t, i18n } = useTranslation('campaigns')
  const can = useCan()
  const qc = useQueryClient()
  const toast = useToast()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [channel, setChannel] = useState<Channel>('email')
  const [address, setAddress] = useState('')
  const [removing, setRemoving] = useState<Suppression>()
  const key = [...CAMPAIGNS_KEY, 'suppressions']
  const list = useCursorPages({ key, filters: search === '' ? {} : { q: search }, sort: 'address', fetchPage: (p) => listSuppressions(p) })
  const add = useCheckedSubmit('POST /api/v1/campaigns/suppressions', addSuppression, () => {
    toast(t('suppressions.addedOk', { address: address.trim() }))
    setAddress('')
    void qc.invalidateQueries({ queryKey: key })
  })
  const columns: Column<Suppression>[] = [
    { key: 'address', header: t('suppressions.address'), render: (s) => s.address },
    { key: 'channel', header: t('suppressions.channel'), render: (s) => t(`channels.${s.channel}`) },
    { key: 'reason', header: t('suppressions.reason'), render: (s) => (KNOWN_REASONS.has(s.reason) ? t(`suppressions.reasons.${s.reason}`) : s.reason) },
    { key: 'source', header: t('suppressions.source'), render: (s) => s.source ?? '' },
    { key: 'added', header: t('suppressions.added'), render: (s) => formatDateTime(s.created_at, i18n.language) },
    ...(can('campaigns:send')
      ? [{ key: 'remove', header: t('suppressions.remove'), render: (s: Suppression) => (
          <button type="button" className="btn btn-small" data-remove={s.address} onClick={() => setRemoving(s)}>
            {t('suppressions.remove')}
          </button>
        ) }]
      : []),
  ]
  return (
    <section className="page suppressions-page">
      <header className="page-header">
        <h1>{t('suppressions.title')}</h1>
      </header>
      <p className="page-intro">{t('suppressions.intro')}</p>
      {can('campaigns:send') && (
        <form
          className="panel form-stack"
          id="add-suppression"
          noValidate
          aria-labelledby="add-suppression-title"
          onSubmit={(e) => {
            e.preventDefault()
            void add.submit({ channel, address: address.trim() })
          }}
        >
          <h2 id="add-suppression-title">{t('suppressions.add')}</h2>
          <div className="grid-2">
            <Field label={t('suppressions.channel')} error={add.errors.channel}>
              <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                <option value="email">{t('channels.email')}</option>
                <option value="sms">{t('channels.sms')}</option>
              </select>
            </Field>
            <Field label={t('suppressions.address')} error={add.errors.address}>
              <input type="text" data-control="suppression-address" value={address} onChange={(e) => setAddress(e.target.value)} />
            </Field>
          </div>
          {add.general !== null && (
            <p className="notice notice-error" role="alert">
              <ServerError error={add.general} />
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" id="add-suppression-submit" disabled={add.busy}>
              {t('suppressions.addButton')}
            </button>
          </div>
        </form>
      )}
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          setSearch(q.trim())
        }}
      >
        <label>
          {t('suppressions.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="filters-actions">
          <button type="submit" className="btn">
            {t('suppressions.searchButton')}
          </button>
        </div>
      </form>
      <DataTable id="suppressions" caption={t('suppressions.title')} columns={columns} rows={list.rows} rowKey={(s) => `${s.channel}:${s.address}`} loading={list.isFetching} error={list.error} onRetry={() => void list.refetch()} paging={list.paging} empty={t('suppressions.empty')} />
      {removing && (
        <ConfirmDialog
          title={t('suppressions.removeTitle')}
          confirmLabel={t('suppressions.remove')}
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            await removeSuppression(removing.channel, removing.address)
            toast(t('suppressions.removed'))
            void qc.invalidateQueries({ queryKey: key })
          }}
        >
          <p>{t('suppressions.removeBody', { address: removing.address })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
