import { useEffect, useMemo, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { errorMessage, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { useCan } from '../../auth/api/session.ts'
import { cancelJob, isFinal, JOBS_KEY, useJob } from '../api/jobs.ts'
import { UploadAborted, uploadImport } from '../api/upload.ts'
import { columnsParam, defaultMapping, mappingProblems, type Mapping } from '../lib/column-mapping.ts'
import { entityFields, IMPORT_ENTITIES, type ImportEntity } from '../lib/entity-fields.ts'
import { readPreview, type FilePreview } from '../lib/file-preview.ts'
import { FilePicker } from '../components/FilePicker.tsx'
import { JobOutcome } from '../components/JobOutcome.tsx'
import { MappingTable } from '../components/MappingTable.tsx'
import { PreviewTable } from '../components/PreviewTable.tsx'
import { ProgressBar } from '../components/ProgressBar.tsx'
import { RecentImports } from '../components/RecentImports.tsx'
import { UploadStep } from '../components/UploadStep.tsx'

type PreviewState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; data: FilePreview } | { status: 'error'; error: unknown }

/**
 * Imports as a small wizard on one page: choose the entity and a file, see its first rows (read from the
 * start of the file only), map its columns to fields, upload it (streamed by the browser, with progress and
 * cancel), then follow the import job to its outcome. Recent import jobs are listed below.
 */
export default function ImportsPage() {
  const { t } = useTranslation('imports')
  const can = useCan()
  const toast = useToast()
  const qc = useQueryClient()
  const [entity, setEntity] = useState<ImportEntity>('customers')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<PreviewState>({ status: 'none' })
  const [mapping, setMapping] = useState<Mapping>({})
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [sending, setSending] = useState<{ sent: number; total: number }>()
  const [uploadNotice, setUploadNotice] = useState<{ kind: 'error' | 'info'; text: string }>()
  const [job, setJob] = useState<{ id: string; entity: ImportEntity }>()
  const abort = useRef<(() => void) | undefined>(undefined)
  const fields = useMemo(() => entityFields(entity), [entity])
  const polled = useJob(job?.id)
  const jobState = polled.data?.state
  const busy = sending !== undefined || (job !== undefined && !isFinal(jobState))

  const header = preview.status === 'ready' ? preview.data.header : []
  const problems = preview.status === 'ready' ? mappingProblems(header, mapping, fields) : []

  // A finished job changed the lists: the recent imports and the imported entity's list are stale.
  useEffect(() => {
    if (!job || !isFinal(jobState)) return
    void qc.invalidateQueries({ queryKey: JOBS_KEY })
    void qc.invalidateQueries({ queryKey: [job.entity === 'order_items' ? 'orders' : job.entity] })
  }, [job, jobState, qc])

  const chooseEntity = (e: ImportEntity) => {
    setEntity(e)
    setMapping(defaultMapping(header, entityFields(e)))
  }

  const chooseFile = (f: File) => {
    setFile(f)
    setJob(undefined)
    setUploadNotice(undefined)
    setPreview({ status: 'loading' })
    readPreview(f).then(
      (data) => {
        // The defaults follow the file and the entity; the person's choices start from them.
        setMapping(defaultMapping(data.header, entityFields(entity)))
        setPreview({ status: 'ready', data })
      },
      (error: unknown) => setPreview({ status: 'error', error }),
    )
  }

  const startUpload = () => {
    if (!file) return
    setUploadNotice(undefined)
    setJob(undefined)
    setSending({ sent: 0, total: file.size })
    const up = uploadImport(entity, file, { skipInvalid, columns: columnsParam(mapping), onProgress: (sent, total) => setSending({ sent, total }) })
    abort.current = up.abort
    up.done.then(
      (queued) => {
        setJob({ id: queued.id, entity })
        void qc.invalidateQueries({ queryKey: JOBS_KEY })
      },
      (err: unknown) => {
        setUploadNotice(err instanceof UploadAborted ? { kind: 'info', text: t('upload.cancelled') } : { kind: 'error', text: errorMessage(err, t) })
      },
    ).finally(() => {
      abort.current = undefined
      setSending(undefined)
    })
  }

  const stopJob = () => {
    if (!job) return
    cancelJob(job.id).then(
      () => void qc.invalidateQueries({ queryKey: JOBS_KEY }),
      (err: unknown) => toast(errorMessage(err, t), 'error'),
    )
  }

  const reset = () => {
    setFile(null)
    setPreview({ status: 'none' })
    setJob(undefined)
    setUploadNotice(undefined)
  }

  return (
    <section className="page imports-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <p className="muted">{t('intro')}</p>

      <section className="panel" aria-labelledby="import-step-file">
        <h2 id="import-step-file">{t('steps.file')}</h2>
        <div className="import-choose">
          <Field label={t('entity.label')} hint={t('entity.hint')}>
            <select value={entity} disabled={busy} onChange={(e) => chooseEntity(e.currentTarget.value as ImportEntity)}>
              {IMPORT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {t(`entities.${e}`)}
                </option>
              ))}
            </select>
          </Field>
          <FilePicker file={file} onFile={chooseFile} disabled={busy} />
        </div>
      </section>

      {preview.status === 'loading' && <Loading />}
      {preview.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('preview.failed', { message: errorMessage(preview.error, t) })}
        </p>
      )}
      {preview.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="import-step-preview">
            <h2 id="import-step-preview">{t('steps.preview')}</h2>
            <p className="field-hint">{t('preview.hint', { format: t(`formats.${preview.data.format}`) })}</p>
            {preview.data.invalidLines.length > 0 && <p className="notice notice-error">{t('preview.invalidLines', { lines: preview.data.invalidLines.join(', ') })}</p>}
            <PreviewTable preview={preview.data} />
          </section>
          <section className="panel" aria-labelledby="import-step-map">
            <h2 id="import-step-map">{t('steps.map')}</h2>
            <MappingTable header={header} rows={preview.data.rows} entity={fields} mapping={mapping} onChange={setMapping} problems={problems} />
          </section>
          <section className="panel" aria-labelledby="import-step-upload">
            <h2 id="import-step-upload">{t('steps.upload')}</h2>
            <UploadStep
              skipInvalid={skipInvalid}
              onSkipInvalid={setSkipInvalid}
              canUpload={problems.length === 0 && !busy}
              sending={sending}
              onUpload={startUpload}
              onCancel={() => abort.current?.()}
            />
            {uploadNotice && (
              <p className={`notice${uploadNotice.kind === 'error' ? ' notice-error' : ''}`} role={uploadNotice.kind === 'error' ? 'alert' : 'status'}>
                {uploadNotice.text}
              </p>
            )}
          </section>
        </>
      )}

      {job && (
        <section className="panel import-job" aria-labelledby="import-step-job" aria-busy={!isFinal(jobState)}>
          <h2 id="import-step-job">{t('steps.job')}</h2>
          {polled.error && (
            <p className="notice notice-error" role="alert">
              {errorMessage(polled.error, t)}
            </p>
          )}
          {polled.data && (
            <>
              {/* A failed or cancelled job stopped part-way: its last progress would only mislead. */}
              {polled.data.state === 'failed' || polled.data.state === 'cancelled' ? (
                <p className="import-job-state">{t(`job.${polled.data.state}`)}</p>
              ) : (
                <ProgressBar label={t(`job.${polled.data.state}`)} value={polled.data.progress} />
              )}
              {!isFinal(polled.data.state) && can('jobs:cancel') && (
                <button type="button" className="btn" onClick={stopJob}>
                  {t('job.cancel')}
                </button>
              )}
              {isFinal(polled.data.state) && (
                <>
                  <JobOutcome job={polled.data} entity={job.entity} />
                  <button type="button" className="btn" onClick={reset}>
                    {t('job.another')}
                  </button>
                </>
              )}
            </>
          )}
        </section>
      )}

      <RecentImports />
    </section>
  )
}
