import { useState } from 'react'
import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { Dialog } from '../../../components/Dialog.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { useCan } from '../../auth/api/session.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import {
  CANNED_KEY, CANNED_LANGS, CANNED_LIMITS, CANNED_LIST_KEY, createCanned, deleteCanned, listCanned, SHORTCUT_PATTERN, updateCanned,
  type Canned, type CannedLang, type CannedPatch, type NewCanned,
} from '../api/canned.ts'
import { CannedFields, type CannedDraft } from '../components/CannedFields.tsx'
import { preview } from '../lib/canned-text.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'

interface Filters {
  q: string
  lang: '' | CannedLang
}

const draftOf = (c: Canned): CannedDraft => ({ lang: c.lang, title: c.title, shortcut: c.shortcut ?? '', body: c.body })

/** What a new reply sends: trimmed, and no shortcut key at all when none was typed. */
function newBody(d: CannedDraft): NewCanned {
  const shortcut = d.shortcut.trim()
  return { lang: d.lang, title: d.title.trim(), body: d.body.trim(), ...(shortcut !== '' && { shortcut }) }
}

/**
 * What a change sends: only the fields that differ from the stored reply. A removed shortcut is `null`, which the
 * client-side rules (generated from the schema) would refuse, so it is added after they ran: `clearShortcut`.
 */
function patchOf(d: CannedDraft, c: Canned): { body: CannedPatch; clearShortcut: boolean } {
  const next = newBody(d)
  const shortcut = next.shortcut ?? null
  return {
    body: {
      ...(next.lang !== c.lang && { lang: next.lang }),
      ...(next.title !== c.title && { title: next.title }),
      ...(next.body !== c.body && { body: next.body }),
      ...(shortcut !== null && shortcut !== c.shortcut && { shortcut }),
    },
    clearShortcut: shortcut === null && c.shortcut !== null,
  }
}

/** A shortcut that breaks the server's pattern, said in the reader's language before anything is sent. */
const badShortcut = (d: CannedDraft) => d.shortcut.trim() !== '' && !SHORTCUT_PATTERN.test(d.shortcut.trim())

/**
 * `desk/canned`: the workspace's saved replies (canned responses), searchable by text and language. People who reply
 * (desk:reply) write, change and delete them; everyone who reads the desk sees them.
 */
export default function CannedResponsesPage() {
  const { t, i18n } = useTranslation('deskCanned')
  const { t: tc } = useTranslation()
  const can = useCan()
  const qc = useQueryClient()
  const toast = useToast()
  const writable = can('desk:reply')
  const [filters, setFilters] = useState<Filters>({ q: '', lang: '' })
  const [sort, setSort] = useState('title')
  const settled = useDebounced(filters)
  const q = settled.q.trim()
  const query = { ...(q !== '' && { q }), ...(settled.lang !== '' && { lang: settled.lang }) }
  const list = useCursorPages({ key: CANNED_LIST_KEY, filters: query, sort, fetchPage: listCanned })
  // The reply in the dialog: 'new', one to edit (or, read-only, to read), or none.
  const [open, setOpen] = useState<Canned | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Canned | null>(null)
  const changed = () => void qc.invalidateQueries({ queryKey: CANNED_KEY })

  const columns: Column<Canned>[] = [
    { key: 'title', header: t('fields.title'), sortKey: 'title', render: (c) => <strong lang={c.lang} data-canned={c.id}>{c.title}</strong> },
    { key: 'lang', header: t('fields.lang'), render: (c) => t(`langs.${c.lang}`) },
    { key: 'shortcut', header: t('fields.shortcut'), sortKey: 'shortcut', render: (c) => (c.shortcut === null ? <span className="muted">{t('list.noShortcut')}</span> : <code>{c.shortcut}</code>) },
    // Plain text, shortened: never rendered as HTML, whatever the body holds.
    { key: 'body', header: t('fields.body'), render: (c) => <span lang={c.lang}>{preview(c.body)}</span> },
    { key: 'updated', header: t('list.updated'), sortKey: 'updated_at', render: (c) => formatDateTime(c.updated_at, i18n.language) },
    { key: 'created_by', header: t('list.createdBy'), hiddenByDefault: true, render: (c) => c.created_by },
    {
      key: 'actions',
      header: t('list.actions'),
      render: (c) =>
        writable ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <button type="button" className="btn btn-small" data-action="edit" data-canned={c.id} aria-label={t('list.editNamed', { title: c.title })} onClick={() => setOpen(c)}>
              {t('list.edit')}
            </button>{' '}
            <button type="button" className="btn btn-small btn-danger" data-action="delete" data-canned={c.id} aria-label={t('list.deleteNamed', { title: c.title })} onClick={() => setDeleting(c)}>
              {tc('actions.delete')}
            </button>
          </span>
        ) : (
          <button type="button" className="btn btn-small" data-action="view" data-canned={c.id} aria-label={t('list.viewNamed', { title: c.title })} onClick={() => setOpen(c)}>
            {t('list.view')}
          </button>
        ),
    },
  ]

  return (
    <section className="page desk-canned-page" id="desk-canned" data-editable={writable}>
      <p>
        <Link to="/desk">← {t('back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('title')}</h1>
        {writable && (
          <button type="button" className="btn btn-primary" id="desk-canned-new" onClick={() => setOpen('new')}>
            {t('list.new')}
          </button>
        )}
      </header>
      <p className="page-intro">{t('intro')}</p>
      {!writable && (
        <p className="notice" id="desk-canned-read-only">
          {t('list.readOnly')}
        </p>
      )}
      <form className="filters" role="search" aria-label={t('filters.label')} id="desk-canned-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('filters.search')}
          <input type="search" data-filter="q" maxLength={CANNED_LIMITS.q} value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </label>
        <label>
          {t('fields.lang')}
          <select data-filter="lang" value={filters.lang} onChange={(e) => setFilters({ ...filters, lang: e.target.value as Filters['lang'] })}>
            <option value="">{t('filters.anyLang')}</option>
            {CANNED_LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`langs.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="filters-actions">
          <button type="button" className="btn btn-ghost" onClick={() => setFilters({ q: '', lang: '' })}>
            {tc('filters.clear')}
          </button>
        </div>
      </form>
      <DataTable
        id="desk-canned-table"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(c) => c.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        sort={sort}
        onSort={setSort}
        paging={list.paging}
        empty={Object.keys(query).length > 0 ? t('list.noMatch') : t('list.empty')}
      />
      {open === 'new' && (
        <NewCannedDialog
          lang={i18n.language.startsWith('zh') ? 'zh' : 'en'}
          onClose={() => setOpen(null)}
          onSaved={(c) => {
            changed()
            toast(t('form.created', { title: c.title }))
            setOpen(null)
          }}
        />
      )}
      {open !== null && open !== 'new' && (
        <EditCannedDialog
          key={open.id}
          canned={open}
          writable={writable}
          onClose={() => setOpen(null)}
          onSaved={(c) => {
            changed()
            toast(t('form.saved', { title: c.title }))
            setOpen(null)
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('delete.title')}
          confirmLabel={t('delete.confirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteCanned(deleting.id)
            changed()
            toast(t('delete.done', { title: deleting.title }))
          }}
        >
          <p>{t('delete.body')}</p>
          <p lang={deleting.lang} id="desk-canned-delete-title">
            <strong>{deleting.title}</strong>
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function NewCannedDialog({ lang, onClose, onSaved }: { lang: CannedLang; onClose: () => void; onSaved: (c: Canned) => void }) {
  const { t } = useTranslation('deskCanned')
  const [draft, setDraft] = useState<CannedDraft>({ lang, title: '', shortcut: '', body: '' })
  const [checked, setChecked] = useState(false)
  const save = useCheckedSubmit<NewCanned, Canned>('POST /api/v1/desk/canned', createCanned, onSaved)
  return (
    <CannedDialog
      title={t('form.newTitle')}
      draft={draft}
      onChange={setDraft}
      errors={shortcutRule(draft, checked, save.errors, t)}
      general={save.general}
      busy={save.busy}
      submitLabel={t('form.create')}
      onClose={onClose}
      onSubmit={() => {
        setChecked(true)
        if (!badShortcut(draft)) void save.submit(newBody(draft))
      }}
    />
  )
}

function EditCannedDialog({ canned, writable, onClose, onSaved }: { canned: Canned; writable: boolean; onClose: () => void; onSaved: (c: Canned) => void }) {
  const { t } = useTranslation('deskCanned')
  const [draft, setDraft] = useState<CannedDraft>(() => draftOf(canned))
  const [checked, setChecked] = useState(false)
  const patch = patchOf(draft, canned)
  const save = useCheckedSubmit<CannedPatch, Canned>(
    'PATCH /api/v1/desk/canned/{id}',
    (body) => updateCanned(canned.id, { ...body, ...(patch.clearShortcut && { shortcut: null }) }),
    onSaved,
  )
  const dirty = Object.keys(patch.body).length > 0 || patch.clearShortcut
  return (
    <CannedDialog
      title={writable ? t('form.editTitle', { title: canned.title }) : t('form.viewTitle', { title: canned.title })}
      canned={canned}
      draft={draft}
      onChange={setDraft}
      errors={shortcutRule(draft, checked, save.errors, t)}
      general={save.general}
      busy={save.busy}
      submitLabel={writable ? t('form.save') : null}
      disabled={!dirty}
      onClose={onClose}
      onSubmit={() => {
        setChecked(true)
        if (dirty && !badShortcut(draft)) void save.submit(patch.body)
      }}
    />
  )
}

/** The server's field errors, with the shortcut's pattern said in the reader's language once a save was tried. */
function shortcutRule(draft: CannedDraft, checked: boolean, errors: Record<string, string>, t: (k: string) => string): Record<string, string> {
  return checked && badShortcut(draft) ? { ...errors, shortcut: t('form.shortcutRule') } : errors
}

function CannedDialog(p: {
  title: string
  canned?: Canned
  draft: CannedDraft
  onChange: (d: CannedDraft) => void
  errors: Record<string, string>
  general: unknown
  busy: boolean
  /** null: read-only, nothing to save. */
  submitLabel: string | null
  disabled?: boolean
  onClose: () => void
  onSubmit: () => void
}) {
  const { t, i18n } = useTranslation('deskCanned')
  const { t: tc } = useTranslation()
  const readOnly = p.submitLabel === null
  return (
    <Dialog open title={p.title} onClose={p.onClose}>
      <form
        className="form-stack"
        id="desk-canned-form"
        data-canned={p.canned?.id ?? 'new'}
        data-editable={!readOnly}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!readOnly) p.onSubmit()
        }}
      >
        {p.canned && (
          <p className="muted" id="desk-canned-meta">
            {t('form.meta', { by: p.canned.created_by, at: formatDateTime(p.canned.updated_at, i18n.language) })}
          </p>
        )}
        {readOnly && (
          <p className="notice" id="desk-canned-form-read-only">
            {t('form.readOnly')}
          </p>
        )}
        <CannedFields draft={p.draft} onChange={p.onChange} errors={p.errors} readOnly={readOnly} />
        {p.general ? (
          <p className="notice notice-error" role="alert" id="desk-canned-form-error">
            {t('form.saveFailed')} <ServerError error={p.general} />
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={p.onClose}>
            {readOnly ? tc('actions.close') : tc('actions.cancel')}
          </button>
          {!readOnly && (
            <button type="submit" className="btn btn-primary" id="desk-canned-save" disabled={p.busy || p.disabled === true}>
              {p.submitLabel}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}
