import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'

/** A secret the server sends only once (a new API key, a generated password): shown with a copy button. */
export function OneTimeSecretDialog({ title, secret, warning, onClose }: { title: string; secret: string; warning: string; onClose: () => void }) {
  const { t } = useTranslation('admin')
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied('yes')
    } catch {
      // No clipboard permission (an insecure origin, a refused prompt): the person selects the text instead.
      setCopied('no')
    }
  }
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('secret.done')}
        </button>
      }
    >
      <p className="notice" role="note">
        {warning}
      </p>
      <code className="secret" data-testid="one-time-secret">
        {secret}
      </code>
      <div className="secret-actions">
        <button type="button" className="btn" onClick={() => void copy()}>
          {t('secret.copy')}
        </button>
        <span role="status">{copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyFailed') : ''}</span>
      </div>
    </Dialog>
  )
}
