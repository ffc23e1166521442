import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { useCan } from '../../auth/api/session.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { articleKey, createArticle, deleteArticle, getArticle, KB_KEY, KB_LIST_KEY, updateArticle, useArticle } from '../api/knowledge.ts'
import type { ArticlePatch, NewArticle, StoredArticle } from '../api/kb-types.ts'
import { ArticleFields } from '../components/ArticleFields.tsx'
import { ArticlePreview } from '../components/ArticlePreview.tsx'
import { ArticleStatusBadge } from '../components/ArticleStatusBadge.tsx'
import { draftOf, emptyDraft, newArticleBody, patchBody, type ArticleDraft } from '../lib/article-draft.ts'

/** `knowledge/new` and `knowledge/:id`: one article's question and answer, with a live plain-text preview. */
export default function ArticleEditPage() {
  const { id } = useParams()
  const { t } = useTranslation('knowledge')
  const article = useArticle(id)
  const back = (
    <p>
      <Link to="/knowledge">← {t('edit.back')}</Link>
    </p>
  )
  if (id === undefined) return <NewArticleForm back={back} />
  // Once loaded the editor stays: it holds its own copy, so a later failed refetch cannot replace typed text with an error.
  if (article.data === undefined) {
    return <section className="page">{back}{article.error ? <ErrorState error={article.error} onRetry={() => void article.refetch()} /> : <Loading />}</section>
  }
  return <ArticleEditor back={back} initial={article.data} key={article.data.article.id} />
}

function NewArticleForm({ back }: { back: ReactNode }) {
  const { t, i18n } = useTranslation('knowledge')
  const navigate = useNavigate()
  const qc = useQueryClient()
  const toast = useToast()
  // A new article starts in the language the person works in.
  const [draft, setDraft] = useState<ArticleDraft>(() => emptyDraft(i18n.language.startsWith('zh') ? 'zh' : 'en'))
  const save = useCheckedSubmit<NewArticle, StoredArticle>('POST /api/v1/kb/articles', createArticle, (s) => {
    qc.setQueryData(articleKey(s.article.id), s)
    void qc.invalidateQueries({ queryKey: KB_LIST_KEY })
    toast(t('edit.created'))
    void navigate(`/knowledge/${s.article.id}`, { replace: true })
  })
  return (
    <EditorLayout back={back} title={t('edit.newTitle')} draft={draft}>
      <form
        className="panel form-stack"
        id="article-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save.submit(newArticleBody(draft))
        }}
      >
        <ArticleFields draft={draft} onChange={setDraft} errors={save.errors} readOnly={false} />
        <GeneralError error={save.general} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" id="article-save" disabled={save.busy}>
            {t('edit.create')}
          </button>
        </div>
      </form>
    </EditorLayout>
  )
}

function ArticleEditor({ initial, back }: { initial: StoredArticle; back: ReactNode }) {
  const { t, i18n } = useTranslation('knowledge')
  const can = useCan()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const toast = useToast()
  // The copy this form edits and its ETag: saved changes replace it, and only "Reload" takes someone else's.
  const [base, setBase] = useState(initial)
  const [draft, setDraft] = useState(() => draftOf(initial.article))
  const [deleting, setDeleting] = useState(false)
  const [reloadError, setReloadError] = useState<unknown>(null)
  const writable = can('kb:write')
  const a = base.article

  const adopt = (s: StoredArticle) => {
    setBase(s)
    setDraft(draftOf(s.article))
    qc.setQueryData(articleKey(s.article.id), s)
  }
  const save = useCheckedSubmit<ArticlePatch, StoredArticle>(
    'PATCH /api/v1/kb/articles/{id}',
    // A cleared category is sent as null here: the client-side rules would refuse it (see patchBody).
    (body) => updateArticle(a.id, base.etag, { ...body, ...(patchBody(draft).clearCategory && { category: null }) }),
    (s) => {
      adopt(s)
      void qc.invalidateQueries({ queryKey: KB_LIST_KEY })
      toast(t('edit.saved'))
    },
  )
  // After "Reload" the form shows the stored version, so the refusal that asked for it no longer applies.
  const [answered, setAnswered] = useState<unknown>(null)
  const general = save.general === answered ? null : save.general
  const stale = general instanceof ApiError && general.code === 'precondition_failed'
  const reload = async () => {
    setReloadError(null)
    try {
      adopt(await getArticle(String(a.id)))
      setAnswered(save.general)
    } catch (err) {
      setReloadError(err)
    }
  }

  return (
    <EditorLayout
      back={back}
      title={t('edit.editTitle', { id: a.id })}
      draft={draft}
      meta={
        <p className="muted" id="article-meta">
          <ArticleStatusBadge status={a.status} /> {t('edit.meta', { version: a.version, by: a.created_by, at: formatDateTime(a.updated_at, i18n.language) })}
        </p>
      }
    >
      <form
        className="panel form-stack"
        id="article-form"
        data-version={a.version}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (writable) void save.submit(patchBody(draft).body)
        }}
      >
        {!writable && (
          <p className="notice" id="article-read-only">
            {t('edit.readOnly')}
          </p>
        )}
        <ArticleFields draft={draft} onChange={setDraft} errors={save.errors} readOnly={!writable} />
        {stale ? (
          <StaleNotice onReload={() => void reload()} error={reloadError} />
        ) : (
          <GeneralError error={general} />
        )}
        {writable && (
          <div className="form-actions">
            <button type="button" className="btn btn-danger" id="article-delete" onClick={() => setDeleting(true)}>
              {t('edit.delete')}
            </button>
            <button type="submit" className="btn btn-primary" id="article-save" disabled={save.busy}>
              {t('edit.save')}
            </button>
          </div>
        )}
      </form>
      {deleting && (
        <ConfirmDialog
          title={t('edit.deleteTitle')}
          confirmLabel={t('edit.delete')}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteArticle(a.id, base.etag)
            qc.removeQueries({ queryKey: articleKey(a.id) })
            void qc.invalidateQueries({ queryKey: KB_KEY })
            toast(t('edit.deleted'))
            void navigate('/knowledge')
          }}
        >
          <p>{t('edit.deleteBody')}</p>
          <p lang={a.lang}>
            <strong>{a.title}</strong>
          </p>
        </ConfirmDialog>
      )}
    </EditorLayout>
  )
}

/** Someone saved the article after this copy was read (412): the typed text stays; reloading is the person's choice. */
function StaleNotice({ onReload, error }: { onReload: () => void; error: unknown }) {
  const { t } = useTranslation('knowledge')
  return (
    <div className="notice notice-error" role="alert" id="article-stale">
      <p>{t('edit.stale')}</p>
      <button type="button" className="btn btn-small" id="article-reload" onClick={onReload}>
        {t('edit.reload')}
      </button>
      {error ? (
        <p>
          <ServerError error={error} />
        </p>
      ) : null}
    </div>
  )
}

function GeneralError({ error }: { error: unknown }) {
  const { t } = useTranslation('knowledge')
  if (error === null || error === undefined) return null
  return (
    <p className="notice notice-error" role="alert" id="article-error">
      {t('edit.saveFailed')} <ServerError error={error} />
    </p>
  )
}

function EditorLayout({ back, title, draft, meta, children }: { back: ReactNode; title: string; draft: ArticleDraft; meta?: ReactNode; children: ReactNode }) {
  return (
    <section className="page article-edit-page">
      {back}
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      {meta}
      <div className="grid-2">
        <div>{children}</div>
        <ArticlePreview draft={draft} />
      </div>
    </section>
  )
}
