import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { useLivePreview } from '../api/live-preview.ts'
import { createSegment, SEGMENTS_KEY, updateSegment, useSegment, useSegmentNames } from '../api/segments.ts'
import type { Segment } from '../api/segment-types.ts'
import { PhraseBox } from '../components/PhraseBox.tsx'
import { PreviewPanel, type PreviewState } from '../components/PreviewPanel.tsx'
import { asRootGroup, SegmentBuilder, type TreeEdit } from '../components/SegmentBuilder.tsx'
import { ServerError } from '../components/ServerError.tsx'
import { defaultLeaf } from '../lib/fields.ts'
import { missingByPath } from '../lib/incomplete.ts'
import { sortIssues, type NodeIssue } from '../lib/node-issues.ts'
import { nodeKey } from '../lib/tree-paths.ts'
import { REFRESH_INTERVALS, type SegmentNode } from '../lib/tree-types.ts'

/** `segments/new` and `segments/:id/edit`: the builder, with its live preview and the phrase box. */
export default function SegmentEditPage() {
  const { id } = useParams()
  const { t } = useTranslation('segments')
  const segment = useSegment(id)
  const back = (
    <p>
      <Link to={id ? `/segments/${id}` : '/segments'}>← {t(id ? 'edit.backToSegment' : 'edit.back')}</Link>
    </p>
  )
  if (id === undefined) return <Editor back={back} />
  if (segment.isPending) return <section className="page">{back}<Loading /></section>
  if (segment.error) return <section className="page">{back}<ErrorState error={segment.error} onRetry={() => void segment.refetch()} /></section>
  return <Editor back={back} existing={segment.data} key={segment.data.id} />
}

const EMPTY_TREE: SegmentNode = { type: 'all', conditions: [defaultLeaf()] }

function Editor({ existing, back }: { existing?: Segment; back: ReactNode }) {
  const { t } = useTranslation('segments')
  const navigate = useNavigate()
  const qc = useQueryClient()
  const toast = useToast()
  const [tree, setTree] = useState<SegmentNode>(() => asRootGroup(existing?.tree ?? EMPTY_TREE))
  const [name, setName] = useState(existing?.name ?? '')
  const [description, setDescription] = useState(existing?.description ?? '')
  const [kind, setKind] = useState<'dynamic' | 'static'>(existing?.kind ?? 'dynamic')
  const [hours, setHours] = useState(existing?.refresh_every_hours == null ? '' : String(existing.refresh_every_hours))
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<{ error: unknown; tree: string }>()
  const names = useSegmentNames()

  const onEdit = useCallback((edit: TreeEdit) => setTree((tr) => edit(tr)), [])
  const missing = useMemo(() => missingByPath(tree), [tree])
  const preview = useLivePreview(tree, missing.size === 0)
  const key = preview.key

  const state: PreviewState = missing.size > 0 ? 'incomplete' : preview.resultFor === key ? 'current' : preview.errorFor === key ? 'error' : 'updating'
  const counts = useMemo(() => {
    const m = new Map<string, number>()
    if (state !== 'current' || !preview.result) return m
    for (const c of preview.result.conditions) m.set(nodeKey(tree, c.path) ?? c.path, c.count)
    return m
  }, [state, preview.result, tree])

  // Validation errors of the preview or of the last save, while they are about this very tree.
  const refusal = saveError && saveError.tree === key ? saveError.error : state === 'error' ? preview.error : undefined
  const sorted = useMemo(() => sortIssues(tree, refusal instanceof ApiError && refusal.code === 'validation_failed' ? refusal.details : undefined), [tree, refusal])
  const issues: ReadonlyMap<string, NodeIssue[]> = sorted.byNode
  const segments = useMemo(() => new Map([...(names.data ?? new Map<number, string>())].filter(([sid]) => sid !== existing?.id)), [names.data, existing?.id])

  const hoursValue = hours.trim() === '' ? null : Number(hours)
  const save = () => {
    setSaving(true)
    setSaveError(undefined)
    const common = { name: name.trim(), description: description.trim() === '' ? null : description.trim(), tree, ...(kind === 'dynamic' && { refresh_every_hours: hoursValue }) }
    const call = existing ? updateSegment(existing.id, common) : createSegment({ ...common, kind })
    call
      .then(
        (s) => {
          void qc.invalidateQueries({ queryKey: SEGMENTS_KEY })
          toast(t('edit.saved'))
          void navigate(`/segments/${s.id}`)
        },
        (error: unknown) => setSaveError({ error, tree: key }),
      )
      .finally(() => setSaving(false))
  }
  const fieldError = (f: string) => (saveError?.error instanceof ApiError ? sorted.other.get(f) ?? saveError.error.fieldIssues()[f] : undefined)

  return (
    <section className="page seg-edit">
      {back}
      <header className="page-header">
        <h1>{existing ? t('edit.editTitle', { name: existing.name }) : t('edit.newTitle')}</h1>
      </header>
      <PhraseBox onTree={(tr) => setTree(asRootGroup(tr))} />
      <div className="seg-layout">
        <form
          id="segment-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            save()
          }}
        >
          <section className="panel" aria-labelledby="meta-title">
            <h2 id="meta-title">{t('edit.meta')}</h2>
            <div className="grid-2">
              <Field label={t('edit.name')} error={fieldError('name')}>
                <input type="text" name="name" data-field="name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
              </Field>
              <Field label={t('edit.kind')} hint={existing ? t('edit.kindFixed') : t(`edit.kindHint.${kind}`)} error={fieldError('kind')}>
                <select value={kind} disabled={existing !== undefined} onChange={(e) => setKind(e.target.value as 'dynamic' | 'static')}>
                  <option value="dynamic">{t('kinds.dynamic')}</option>
                  <option value="static">{t('kinds.static')}</option>
                </select>
              </Field>
            </div>
            <Field label={t('edit.description')} error={fieldError('description')}>
              <textarea value={description} rows={2} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
            </Field>
            {kind === 'dynamic' && (
              <Field label={t('edit.refreshEvery')} error={fieldError('refresh_every_hours')}>
                <select value={hours} name="refresh_every_hours" onChange={(e) => setHours(e.target.value)}>
                  <option value="">{t('edit.onDemand')}</option>
                  {REFRESH_INTERVALS.map((h) => (
                    <option key={h} value={String(h)}>
                      {t('detail.every', { hours: h })}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </section>
          <section className="panel" aria-labelledby="conditions-title">
            <h2 id="conditions-title">{t('edit.conditions')}</h2>
            <SegmentBuilder tree={tree} onEdit={onEdit} counts={counts} issues={issues} missing={missing} segments={segments} />
          </section>
          {saveError !== undefined && !(saveError.error instanceof ApiError && saveError.error.code === 'validation_failed') && (
            <p className="notice notice-error" role="alert">
              {t('edit.saveFailed')} <ServerError error={saveError.error} />
            </p>
          )}
          {saveError?.error instanceof ApiError && saveError.error.code === 'validation_failed' && (
            <p className="notice notice-error" role="alert">
              {t('edit.fixErrors')}
            </p>
          )}
          <div className="seg-form-actions">
            <button type="submit" className="btn btn-primary" id="save-segment" disabled={saving || name.trim() === ''}>
              {saving ? t('edit.saving') : t('edit.save')}
            </button>
          </div>
        </form>
        <PreviewPanel state={state} result={preview.result} error={preview.error} />
      </div>
    </section>
  )
}
