import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { runAction } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'

/**
 * "Start sending", after a confirmation. A refusal (412: the channel is not configured, the sender is not
 * verified, nobody is left to send to) stays in the dialog with the server's reason.
 */
export function StartButton({ campaign, disabled, onStarted }: { campaign: Campaign; disabled?: boolean; onStarted: (c: Campaign) => void }) {
  const { t } = useTranslation('campaigns')
  const { t: tc } = useTranslation()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const start = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const c = await runAction(campaign.id, 'start')
      setOpen(false)
      onStarted(c)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const refused = error instanceof ApiError && error.code === 'precondition_failed'
  return (
    <>
      <button type="button" className="btn btn-primary" id="start-campaign" disabled={disabled} onClick={() => setOpen(true)}>
        {t('start.button')}
      </button>
      <Dialog
        open={open}
        title={t('start.title')}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {tc('actions.cancel')}
            </button>
            <button type="button" className="btn btn-primary" id="confirm-start" disabled={busy} onClick={() => void start()}>
              {t('start.confirm')}
            </button>
          </>
        }
      >
        <p>{t('start.body')}</p>
        {error !== undefined && (
          <div className="notice notice-error" role="alert" id="start-error" data-code={error instanceof ApiError ? error.code : ''}>
            {refused && <strong>{t('start.refused')} </strong>}
            <ServerError error={error} />
          </div>
        )}
      </Dialog>
    </>
  )
}
