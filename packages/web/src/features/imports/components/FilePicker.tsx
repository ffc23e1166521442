import { useId, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'

const ACCEPT = '.csv,.tsv,.txt,.jsonl,.ndjson,text/csv,text/tab-separated-values,application/x-ndjson'

/** A file input that also takes a file dropped on it (the input stays the keyboard way to choose one). */
export function FilePicker({ file, onFile, disabled }: { file: File | null; onFile: (f: File) => void; disabled?: boolean }) {
  const { t } = useTranslation('imports')
  const id = useId()
  const [over, setOver] = useState(false)
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    const f = e.dataTransfer.files[0]
    if (f && !disabled) onFile(f)
  }
  return (
    <div
      className={`import-drop${over ? ' import-drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>{t('file.label')}</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0]
          if (f) onFile(f)
        }}
      />
      <div id={`${id}-hint`} className="field-hint">
        {t('file.hint')}
      </div>
      {file && (
        <div className="import-file-name">
          {t('file.chosen')} <strong data-i18n-skip>{file.name}</strong> ({t('file.size', { size: sizeText(file.size) })})
        </div>
      )}
    </div>
  )
}

/** Bytes as B / KB / MB / GB (units are symbols, the same in both languages). */
export function sizeText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let v = bytes
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`
}
