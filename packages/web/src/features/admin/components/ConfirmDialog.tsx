import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { errorMessage } from '../../../components/States.tsx'

/**
 * Asks before a change that cannot be undone (revoking a key, cancelling a job). The server's refusal
 * stays in the dialog, readable, so the person sees why nothing happened.
 */
export function ConfirmDialog(p: { title: string; children: ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await p.onConfirm()
      p.onClose()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open
      title={p.title}
      onClose={p.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={p.onClose}>
            {t('actions.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
            {p.confirmLabel}
          </button>
        </>
      }
    >
      {p.children}
      {error ? (
        <p className="notice notice-error" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
    </Dialog>
  )
}
