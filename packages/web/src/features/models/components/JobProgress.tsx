import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../components/States.tsx'
import { isFinal, useJob, type Job } from '../../imports/api/jobs.ts'
import { ProgressBar } from '../../imports/components/ProgressBar.tsx'

/**
 * A model job (training, refresh, promotion) followed live: its progress bar with what it is doing (the
 * server's words, in English), then how it ended. `onFinished` runs once when it reaches a final state.
 */
export function JobProgress({ jobId, onFinished, id }: { jobId: string; onFinished: (job: Job) => void; id?: string }) {
  const { t } = useTranslation('models')
  const job = useJob(jobId)
  const done = useRef(false)
  const state = job.data?.state
  useEffect(() => {
    if (!job.data || done.current || !isFinal(state)) return
    done.current = true
    onFinished(job.data)
  }, [job.data, state, onFinished])

  if (job.error) {
    return (
      <p className="notice notice-error" role="alert">
        {errorMessage(job.error, t)}
      </p>
    )
  }
  if (!job.data) return null
  const j = job.data
  return (
    <div className="model-job" id={id} data-job-state={j.state} aria-live="polite">
      {isFinal(j.state) ? (
        <p className={`notice${j.state === 'completed' ? ' notice-success' : ' notice-error'}`} role={j.state === 'completed' ? 'status' : 'alert'}>
          {t(`job.${j.state}`)}
          {j.error && (
            <span className="model-job-error" lang="en">
              {' '}
              {j.error}
            </span>
          )}
        </p>
      ) : (
        <>
          <ProgressBar label={t(`job.${j.state}`)} value={j.progress} />
          {j.message && (
            <p className="muted model-job-message" lang="en">
              {j.message}
            </p>
          )}
        </>
      )}
    </div>
  )
}
