import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ProgressBar } from './ProgressBar.tsx'
import { sizeText } from './FilePicker.tsx'

interface Props {
  skipInvalid: boolean
  onSkipInvalid: (v: boolean) => void
  canUpload: boolean
  /** Bytes sent while the upload runs, else undefined. */
  sending: { sent: number; total: number } | undefined
  onUpload: () => void
  onCancel: () => void
}

/** The "skip invalid rows" choice, the upload button, and while sending the upload's progress and cancel. */
export function UploadStep({ skipInvalid, onSkipInvalid, canUpload, sending, onUpload, onCancel }: Props) {
  const { t } = useTranslation('imports')
  const hintId = useId()
  return (
    <>
      <div className="import-skip">
        <label>
          <input type="checkbox" checked={skipInvalid} disabled={sending !== undefined} aria-describedby={hintId} onChange={(e) => onSkipInvalid(e.currentTarget.checked)} />{' '}
          {t('upload.skipInvalid')}
        </label>
        <p id={hintId} className="field-hint">
          {t(skipInvalid ? 'upload.skipInvalidOn' : 'upload.skipInvalidOff')}
        </p>
      </div>
      {sending === undefined ? (
        <button type="button" className="btn btn-primary" disabled={!canUpload} onClick={onUpload}>
          {t('upload.start')}
        </button>
      ) : (
        <div className="import-sending">
          <ProgressBar
            label={t('upload.sending', { sent: sizeText(sending.sent), total: sizeText(sending.total) })}
            value={sending.total > 0 ? sending.sent / sending.total : undefined}
          />
          <button type="button" className="btn" onClick={onCancel}>
            {t('upload.cancel')}
          </button>
        </div>
      )}
    </>
  )
}
