import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { AUDIT_FILTER_KEYS, cleanAuditFilters, listAudit, type AuditEntry, type AuditFilters } from '../api/audit.ts'
import { AuditFiltersForm } from '../components/AuditFiltersForm.tsx'

/** Who changed what, newest first: filters in the URL, server-side pages, each entry's changes on demand. */
export default function AuditPage() {
  const { t, i18n } = useTranslation('admin')
  const { filters, setFilters } = useUrlState<Record<(typeof AUDIT_FILTER_KEYS)[number], string | undefined>>(AUDIT_FILTER_KEYS, '-id')
  const active = cleanAuditFilters(filters)
  const list = useCursorPages({ key: ['admin', 'audit'], filters: active, sort: '-id', fetchPage: listAudit })
  const lang = i18n.language

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (a) => formatDateTime(a.at, lang) },
    { key: 'actor', header: t('audit.actor'), render: (a) => a.actor_label },
    { key: 'action', header: t('audit.action'), render: (a) => <code>{a.action}</code> },
    { key: 'entity', header: t('audit.entity'), render: (a) => <code>{a.entity}</code> },
    { key: 'entity_id', header: t('audit.entityId'), render: (a) => a.entity_id ?? '' },
    { key: 'ip', header: t('audit.ip'), render: (a) => a.ip ?? '', hiddenByDefault: true },
    { key: 'request_id', header: t('audit.requestId'), render: (a) => a.request_id ?? '', hiddenByDefault: true },
    {
      key: 'changes',
      header: t('audit.changes'),
      render: (a) =>
        a.changes == null ? (
          t('audit.noChanges')
        ) : (
          <details className="audit-changes">
            <summary>{t('audit.showChanges')}</summary>
            <pre>{JSON.stringify(a.changes, null, 2)}</pre>
          </details>
        ),
    },
  ]

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
      </header>
      <AuditFiltersForm value={active} onChange={(f: AuditFilters) => setFilters(cleanAuditFilters(f) as Record<string, string | undefined>)} />
      <DataTable
        id="admin-audit"
        caption={t('audit.title')}
        columns={columns}
        rows={list.rows}
        rowKey={(a) => a.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list.paging}
        empty={t('audit.empty')}
      />
    </section>
  )
}
