import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { CAMPAIGNS_KEY, useCampaign } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'
import { AudienceCounts } from '../components/AudiencePanel.tsx'
import { CampaignActions } from '../components/CampaignActions.tsx'
import { ProgressPanel } from '../components/ProgressPanel.tsx'
import { ResultsSection } from '../components/ResultsSection.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'

/** One campaign: status and why it paused, live progress while sending, the controls, and its results. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('campaigns')
  const campaign = useCampaign(id, { pollWhileSending: true })
  const back = (
    <p>
      <Link to="/campaigns">← {t('edit.back')}</Link>
    </p>
  )
  if (campaign.isPending) return <section className="page">{back}<Loading /></section>
  if (campaign.error) {
    const missing = campaign.error instanceof ApiError && (campaign.error.code === 'not_found' || campaign.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? <h1 role="alert">{t('detail.notFound')}</h1> : <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />}
      </section>
    )
  }
  return <Detail campaign={campaign.data} back={back} />
}

const PAUSED_BY = /^paused by (.+)$/

function Detail({ campaign: c, back }: { campaign: Campaign; back: ReactNode }) {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const can = useCan()
  const qc = useQueryClient()
  const changed = (next: Campaign) => {
    qc.setQueryData([...CAMPAIGNS_KEY, 'one', String(next.id)], next)
    void qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY })
  }
  const byPerson = c.pause_reason === null ? null : PAUSED_BY.exec(c.pause_reason)
  return (
    <section className="page campaign-detail" id="campaign-detail" data-status={c.status}>
      {back}
      <header className="page-header">
        <h1>
          <span data-i18n-skip>{c.name}</span> <StatusBadge status={c.status} />
        </h1>
        {can('campaigns:send') && (
          <div className="seg-actions">
            {c.status === 'draft' && (
              <Link className="btn btn-primary" to={`/campaigns/${c.id}/edit`} id="edit-campaign">
                {t('detail.edit')}
              </Link>
            )}
            <CampaignActions campaign={c} onChanged={changed} />
          </div>
        )}
      </header>
      {c.status === 'paused' && c.pause_reason !== null && (
        <p className="notice notice-error" role="status" id="pause-reason" data-automatic={String(byPerson === null)}>
          {byPerson ? (
            <>
              {t('detail.pausedBy', { who: byPerson[1] })}
            </>
          ) : (
            <>
              {t('detail.autoPause')} <span lang="en">{c.pause_reason}</span>
            </>
          )}
        </p>
      )}
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('detail.facts')}</h2>
        <dl className="model-facts">
          <Fact label={t('detail.channel')} value={t(`channels.${c.channel}`)} />
          {c.from_address && <Fact label={t('detail.from')} value={<span data-i18n-skip>{c.from_address}</span>} />}
          <Fact label={t('detail.holdout')} value={`${formatNumber(c.holdout_pct, lang, 2)} %`} />
          <Fact label={t('detail.createdBy')} value={<span data-i18n-skip>{c.created_by}</span>} />
          <Fact label={t('detail.created')} value={formatDateTime(c.created_at, lang)} />
          {c.planned_at && <Fact label={t('detail.startedAt')} value={formatDateTime(c.planned_at, lang)} />}
          {c.finished_at && <Fact label={t('detail.finishedAt')} value={formatDateTime(c.finished_at, lang)} />}
        </dl>
      </section>
      {c.progress && <ProgressPanel progress={c.progress} />}
      {c.plan && (
        <section className="panel" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('detail.plan')}</h2>
          <AudienceCounts audience={c.plan} id="campaign-plan" />
        </section>
      )}
      <ResultsSection campaign={c} />
    </section>
  )
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}
