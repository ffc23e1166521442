import { useRef, useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { checkBody } from '../../../lib/form-rules.ts'
import { submitFailure } from '../../../lib/use-checked-submit.ts'
import { useSegmentNames } from '../../segments/api/segments.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { CAMPAIGNS_KEY, createCampaign, updateCampaign, useAudience, useCampaign, useCampaignSettings } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'
import { AudienceCounts } from '../components/AudiencePanel.tsx'
import { MergeFieldList } from '../components/MergeFieldList.tsx'
import { PreviewPanel } from '../components/PreviewPanel.tsx'
import { StartButton } from '../components/StartButton.tsx'
import { issueText, VariantEditor, type Cursor } from '../components/VariantEditor.tsx'
import { draftFrom, emptyDraft, insertMergeField, MAX_VARIANTS, newVariant, toBody, type DraftForm } from '../lib/draft.ts'
import { isEditorField, unplacedIssues, type Issues } from '../lib/field-issues.ts'
import { toPatch } from '../lib/patch-body.ts'

/** `campaigns/new` and `campaigns/:id/edit`: the draft's form; once saved, its audience, preview and start. */
export default function CampaignEditPage() {
  const { id } = useParams()
  const { t } = useTranslation('campaigns')
  const campaign = useCampaign(id)
  const back = (
    <p>
      <Link to={id ? `/campaigns/${id}` : '/campaigns'}>← {t(id ? 'edit.backToCampaign' : 'edit.back')}</Link>
    </p>
  )
  if (id === undefined) return <Editor back={back} />
  if (campaign.isPending) return <section className="page">{back}<Loading /></section>
  if (campaign.error) return <section className="page">{back}<ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} /></section>
  if (campaign.data.status !== 'draft') {
    return (
      <section className="page">
        {back}
        <p className="notice" role="status">{t('edit.notDraft', { status: t(`status.${campaign.data.status}`) })}</p>
      </section>
    )
  }
  return <Editor back={back} existing={campaign.data} key={campaign.data.id} />
}

function Editor({ existing, back }: { existing?: Campaign; back: ReactNode }) {
  const { t } = useTranslation('campaigns')
  const navigate = useNavigate()
  const qc = useQueryClient()
  const toast = useToast()
  const [saved, setSaved] = useState<Campaign | undefined>(existing)
  const [form, setForm] = useState<DraftForm>(() => (existing ? draftFrom(existing) : emptyDraft()))
  const [issues, setIssues] = useState<Issues>({})
  const [general, setGeneral] = useState<unknown>()
  const [saving, setSaving] = useState(false)
  const cursor = useRef<Cursor | undefined>(undefined)
  const segments = useSegmentNames()
  const settings = useCampaignSettings()
  const audience = useAudience(saved?.id, saved?.updated_at ?? '')
  const senders = settings.data?.verified_senders ?? []
  const dirty = saved !== undefined && JSON.stringify(toBody(form, saved.settings)) !== JSON.stringify(toBody(draftFrom(saved), saved.settings))
  const set = (patch: Partial<DraftForm>) => setForm((f) => ({ ...f, ...patch }))

  const save = async () => {
    const body = toBody(form, saved?.settings)
    const invalid = saved ? checkBody('PATCH /api/v1/campaigns/{id}', toPatch(body)) : checkBody('POST /api/v1/campaigns', body)
    setIssues(invalid)
    setGeneral(undefined)
    if (Object.keys(invalid).length > 0) return
    setSaving(true)
    try {
      const c = saved ? await updateCampaign(saved.id, toPatch(body)) : await createCampaign(body)
      void qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY })
      toast(t('edit.saved'))
      setSaved(c)
      setForm(draftFrom(c))
      if (!saved) void navigate(`/campaigns/${c.id}/edit`, { replace: true })
    } catch (e) {
      const f = submitFailure(e)
      setIssues(f.fields)
      setGeneral(f.general ?? undefined)
    } finally {
      setSaving(false)
    }
  }

  const insert = (field: string) => {
    const c = cursor.current ?? { variant: 0, lang: 'en' as const, part: form.channel === 'sms' ? ('text' as const) : ('html' as const), at: Number.MAX_SAFE_INTEGER }
    const v = form.variants[c.variant]
    if (!v) return
    const r = insertMergeField(v[c.lang][c.part], field, c.at)
    cursor.current = { ...c, at: r.cursor }
    set({ variants: form.variants.map((x, i) => (i === c.variant ? { ...x, [c.lang]: { ...x[c.lang], [c.part]: r.text } } : x)) })
  }

  const other = unplacedIssues(issues, isEditorField)
  const hasIssues = Object.keys(issues).length > 0
  return (
    <section className="page campaign-edit">
      {back}
      <header className="page-header">
        <h1>{saved ? t('edit.editTitle', { name: saved.name }) : t('edit.newTitle')}</h1>
      </header>
      <div className="seg-layout">
        <form
          id="campaign-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <section className="panel" aria-labelledby="basics-title">
            <h2 id="basics-title">{t('edit.basics')}</h2>
            <div className="grid-2">
              <Field label={t('edit.name')} error={issues.name}>
                <input type="text" data-field="name" value={form.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
              </Field>
              <Field label={t('edit.channel')} error={issues.channel}>
                <select data-field="channel" value={form.channel} disabled={saved !== undefined} onChange={(e) => set({ channel: e.target.value as DraftForm['channel'] })}>
                  <option value="email">{t('channels.email')}</option>
                  <option value="sms">{t('channels.sms')}</option>
                </select>
              </Field>
              <Field label={t('edit.segment')} error={issues.segment_id}>
                <select data-field="segment_id" value={form.segmentId} onChange={(e) => set({ segmentId: e.target.value })}>
                  <option value="">{t('edit.chooseSegment')}</option>
                  {[...(segments.data ?? new Map<number, string>())].map(([sid, name]) => (
                    <option key={sid} value={String(sid)}>
                      {name}
                    </option>
                  ))}
                </select>
              </Field>
              {form.channel === 'email' && (
                <Field label={t('edit.from')} error={issues.from_address} hint={senders.length > 0 ? t('edit.fromHint', { senders: senders.join(', ') }) : t('edit.noSenders')}>
                  <input type="email" data-field="from_address" list="verified-senders" value={form.fromAddress} onChange={(e) => set({ fromAddress: e.target.value })} />
                </Field>
              )}
              <datalist id="verified-senders">
                {senders.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
              <Field label={t('edit.holdout')} error={issues.holdout_pct} hint={t('edit.holdoutHint')}>
                <input type="number" data-field="holdout_pct" min={0} max={50} step="any" value={form.holdoutPct} onChange={(e) => set({ holdoutPct: e.target.value })} />
              </Field>
            </div>
          </section>
          <section className="panel" aria-labelledby="sending-title">
            <h2 id="sending-title">{t('edit.sending')}</h2>
            <div className="grid-2">
              <Field label={t('edit.rate')} error={issues['settings.rate_per_second']}>
                <input type="number" data-field="settings.rate_per_second" min={0} step="any" value={form.ratePerSecond} onChange={(e) => set({ ratePerSecond: e.target.value })} />
              </Field>
              <Field label={t('edit.concurrency')} error={issues['settings.concurrency']}>
                <input type="number" data-field="settings.concurrency" min={1} max={500} value={form.concurrency} onChange={(e) => set({ concurrency: e.target.value })} />
              </Field>
              <Field label={t('edit.targeting')} error={issues['settings.targeting']} hint={t('edit.targetingHint')}>
                <select data-field="settings.targeting" value={form.targeting} onChange={(e) => set({ targeting: e.target.value as typeof form.targeting })}>
                  <option value="everyone">{t('edit.targetingEveryone')}</option>
                  <option value="top_uplift">{t('edit.targetingTop')}</option>
                  <option value="no_sleeping_dogs">{t('edit.targetingNoDogs')}</option>
                </select>
              </Field>
              {form.targeting === 'top_uplift' && (
                <Field label={t('edit.topPct')} error={issues['settings.targeting.top_pct']}>
                  <input type="number" data-field="settings.targeting.top_pct" min={1} max={100} step="any" value={form.topPct} onChange={(e) => set({ topPct: e.target.value })} />
                </Field>
              )}
            </div>
          </section>
          <section aria-labelledby="variants-title">
            <h2 id="variants-title">{t('edit.variants')}</h2>
            <p className="muted">{t('edit.variantsHint', { max: MAX_VARIANTS })}</p>
            {form.variants.map((v, i) => (
              <VariantEditor
                key={i}
                index={i}
                variant={v}
                channel={form.channel}
                issues={issues}
                canRemove={form.variants.length > 1}
                onChange={(nv) => set({ variants: form.variants.map((x, j) => (j === i ? nv : x)) })}
                onRemove={() => set({ variants: form.variants.filter((_, j) => j !== i) })}
                onCursor={(c) => (cursor.current = c)}
              />
            ))}
            {form.variants.length < MAX_VARIANTS && (
              <button type="button" className="btn" id="add-variant" onClick={() => set({ variants: [...form.variants, newVariant(form.variants)] })}>
                {t('edit.addVariant')}
              </button>
            )}
          </section>
          {hasIssues && (
            <div className="notice notice-error" role="alert" id="campaign-form-errors">
              <p>{t('edit.fixErrors')}</p>
              {other.length > 0 && (
                <>
                  <p>{t('edit.otherErrors')}</p>
                  <ul>
                    {other.map((o) => (
                      <li key={o.path} data-issue-path={o.path}>
                        <code>{o.path}</code>: <span lang="en">{issueText(t, o.message)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {general !== undefined && (
            <p className="notice notice-error" role="alert">
              {t('edit.saveFailed')} <ServerError error={general} />
            </p>
          )}
          <div className="seg-form-actions">
            <button type="submit" className="btn btn-primary" id="save-campaign" disabled={saving}>
              {saving ? t('edit.saving') : t('edit.save')}
            </button>
          </div>
        </form>
        <div className="campaign-side">
          <MergeFieldList onInsert={insert} />
          {!saved && <p className="notice">{t('edit.saveFirst')}</p>}
          {saved && (
            <>
              {dirty && <p className="notice" role="status" id="unsaved-note">{t('edit.unsaved')}</p>}
              <section className="panel" aria-labelledby="audience-title">
                <h2 id="audience-title">{t('audience.title')}</h2>
                <p className="muted">{t('audience.intro')}</p>
                {audience.isPending && <Loading />}
                {audience.error && <ErrorState error={audience.error} onRetry={() => void audience.refetch()} />}
                {audience.data && <AudienceCounts audience={audience.data} id="campaign-audience" />}
              </section>
              <PreviewPanel campaign={saved} key={saved.updated_at} />
              <div className="form-actions">
                <StartButton
                  campaign={saved}
                  disabled={dirty}
                  onStarted={(c) => {
                    void qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY })
                    toast(t('start.started'))
                    void navigate(`/campaigns/${c.id}`)
                  }}
                />
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
