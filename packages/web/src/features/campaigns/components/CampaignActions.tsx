import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toasts.tsx'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { runAction, type CampaignAction } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'

/** Pause, Resume, Cancel and Resend uncertain, each offered only when the campaign's state allows it. */
export function CampaignActions({ campaign: c, onChanged }: { campaign: Campaign; onChanged: (c: Campaign) => void }) {
  const { t } = useTranslation('campaigns')
  const toast = useToast()
  const [error, setError] = useState<unknown>()
  const [confirm, setConfirm] = useState<'cancel' | 'resend-uncertain'>()
  const run = async (a: CampaignAction) => {
    setError(undefined)
    const next = await runAction(c.id, a)
    onChanged(next)
    toast(t('detail.actionDone'))
  }
  const direct = (a: CampaignAction) => () => void run(a).catch(setError)
  const uncertain = c.progress?.uncertain ?? 0
  const live = c.status === 'sending' || c.status === 'paused'
  return (
    <div className="seg-actions">
      {c.status === 'sending' && (
        <button type="button" className="btn" id="pause-campaign" onClick={direct('pause')}>
          {t('detail.pause')}
        </button>
      )}
      {c.status === 'paused' && (
        <button type="button" className="btn btn-primary" id="resume-campaign" onClick={direct('resume')}>
          {t('detail.resume')}
        </button>
      )}
      {live && (
        <button type="button" className="btn btn-danger" id="cancel-campaign" onClick={() => setConfirm('cancel')}>
          {t('detail.cancel')}
        </button>
      )}
      {uncertain > 0 && c.status !== 'cancelled' && (
        <button type="button" className="btn" id="resend-uncertain" onClick={() => setConfirm('resend-uncertain')}>
          {t('detail.resend')}
        </button>
      )}
      {error !== undefined && (
        <p className="notice notice-error" role="alert">
          <ServerError error={error} />
        </p>
      )}
      {confirm === 'cancel' && (
        <ConfirmDialog title={t('detail.cancelTitle')} confirmLabel={t('detail.cancel')} onConfirm={() => run('cancel')} onClose={() => setConfirm(undefined)}>
          <p>{t('detail.cancelBody')}</p>
        </ConfirmDialog>
      )}
      {confirm === 'resend-uncertain' && (
        <ConfirmDialog title={t('detail.resendTitle')} confirmLabel={t('detail.resendConfirm')} onConfirm={() => run('resend-uncertain')} onClose={() => setConfirm(undefined)}>
          <p>{t('detail.resendBody', { count: uncertain })}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
