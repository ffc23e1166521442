import { useTranslation } from 'react-i18next'
import type { FilePreview } from '../lib/file-preview.ts'

/** The header and first rows the browser read from the start of the file. */
export function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation('imports')
  return (
    <div className="table-scroll import-preview">
      <table>
        <caption>{t('preview.caption', { count: preview.rows.length })}</caption>
        <thead>
          <tr>
            {preview.header.map((h, i) => (
              <th key={i} scope="col" data-i18n-skip>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.header.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
