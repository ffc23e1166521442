import { useState } from 'react'
import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useCan } from '../../auth/api/session.ts'
import { KB_LIST_KEY, listArticles, type ListParams } from '../api/knowledge.ts'
import type { Article, ArticleLang, ArticleStatus } from '../api/kb-types.ts'
import { ArticleFilters, NO_FILTERS, type FilterDraft } from '../components/ArticleFilters.tsx'
import { ArticleStatusBadge } from '../components/ArticleStatusBadge.tsx'
import { ImportPanel } from '../components/ImportPanel.tsx'
import { excerpt } from '../lib/excerpt.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'

type Filters = Omit<ListParams, 'limit' | 'sort' | 'cursor'>

/** Only the filters that hold something: an empty one is no filter, not "equals empty". */
function queryFilters(f: FilterDraft): Filters {
  const category = f.category.trim()
  const q = f.q.trim()
  return {
    ...(f.lang !== '' && { lang: f.lang as ArticleLang }),
    ...(f.status !== '' && { status: f.status as ArticleStatus }),
    ...(category !== '' && { category }),
    ...(q !== '' && { q }),
  }
}

/** The knowledge base: questions and answers in English and Chinese; kb:write writes, imports and edits them. */
export default function KnowledgePage() {
  const { t, i18n } = useTranslation('knowledge')
  const can = useCan()
  const qc = useQueryClient()
  const toast = useToast()
  const [draft, setDraft] = useState<FilterDraft>(NO_FILTERS)
  const [sort, setSort] = useState('-updated_at')
  const filters = queryFilters(useDebounced(draft))
  const list = useCursorPages({ key: KB_LIST_KEY, filters, sort, fetchPage: (p) => listArticles(p) })
  const columns: Column<Article>[] = [
    { key: 'title', header: t('fields.title'), sortKey: 'title', render: (a) => <Link to={`/knowledge/${a.id}`} lang={a.lang} data-article={a.id}>{a.title}</Link> },
    // Plain text, shortened: never rendered as HTML, whatever the answer holds.
    { key: 'body', header: t('fields.body'), render: (a) => <span lang={a.lang}>{excerpt(a.body)}</span> },
    { key: 'lang', header: t('fields.lang'), render: (a) => t(`langs.${a.lang}`) },
    { key: 'category', header: t('fields.category'), render: (a) => a.category ?? '' },
    { key: 'status', header: t('fields.status'), render: (a) => <ArticleStatusBadge status={a.status} /> },
    { key: 'updated', header: t('list.updated'), sortKey: 'updated_at', render: (a) => formatDateTime(a.updated_at, i18n.language) },
    { key: 'external_id', header: t('list.externalId'), hiddenByDefault: true, render: (a) => a.external_id ?? '' },
  ]
  const writable = can('kb:write')
  return (
    <section className="page knowledge-page" data-editable={writable}>
      <header className="page-header">
        <h1>{t('title')}</h1>
        {writable && (
          <Link className="btn btn-primary" to="/knowledge/new" id="new-article">
            {t('list.new')}
          </Link>
        )}
      </header>
      <p className="page-intro">{t('intro')}</p>
      {!writable && (
        <p className="notice" id="kb-read-only">
          {t('list.readOnly')}
        </p>
      )}
      {writable && (
        <ImportPanel
          onImported={(s) => {
            toast(t('import.toast', { n: s.inserted + s.updated }))
            void qc.invalidateQueries({ queryKey: KB_LIST_KEY })
          }}
        />
      )}
      <ArticleFilters value={draft} onChange={setDraft} />
      <DataTable
        id="kb-articles"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(a) => a.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        sort={sort}
        onSort={setSort}
        paging={list.paging}
        empty={Object.keys(filters).length > 0 ? t('list.noMatch') : t('list.empty')}
      />
    </section>
  )
}
