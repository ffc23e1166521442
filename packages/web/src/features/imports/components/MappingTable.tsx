import { useTranslation } from 'react-i18next'
import { IGNORE, targetChoices, type Mapping, type MappingProblem } from '../lib/column-mapping.ts'
import type { EntityFields } from '../lib/entity-fields.ts'

interface Props {
  header: string[]
  rows: string[][]
  entity: EntityFields
  mapping: Mapping
  onChange: (m: Mapping) => void
  problems: MappingProblem[]
}

/** For each column of the file, the field it goes to (or nothing, where the server allows it), with sample values. */
export function MappingTable({ header, rows, entity, mapping, onChange, problems }: Props) {
  const { t } = useTranslation('imports')
  const optionLabel = (target: string) => {
    if (target === IGNORE) return t('mapping.ignore')
    return entity.required.includes(target) ? t('mapping.required', { field: target }) : target
  }
  return (
    <>
      <div className="table-scroll">
        <table className="import-mapping">
          <caption>{t('mapping.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.column')}</th>
              <th scope="col">{t('mapping.sample')}</th>
              <th scope="col">{t('mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {header.map((column, i) => {
              const id = `import-map-${i}`
              return (
                <tr key={i}>
                  <th scope="row">
                    <label htmlFor={id} {...(column !== '' && { 'data-i18n-skip': '' })}>
                      {column === '' ? t('mapping.unnamed', { n: i + 1 }) : column}
                    </label>
                  </th>
                  <td className="muted">
                    {rows
                      .slice(0, 3)
                      .map((r) => r[i] ?? '')
                      .filter((v) => v !== '')
                      .join(' · ')}
                  </td>
                  <td>
                    <select id={id} value={mapping[column] ?? IGNORE} onChange={(e) => onChange({ ...mapping, [column]: e.currentTarget.value })}>
                      {targetChoices(column, entity).map((target) => (
                        <option key={target} value={target}>
                          {optionLabel(target)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t('mapping.hint')}</p>
      {problems.length > 0 && (
        <ul className="notice notice-error import-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{problemText(p, t)}</li>
          ))}
        </ul>
      )}
    </>
  )
}

function problemText(p: MappingProblem, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (p.kind) {
    case 'missingRequired':
      return t('problems.missingRequired', { field: p.field })
    case 'duplicateTarget':
      return t('problems.duplicateTarget', { field: p.field, columns: p.columns.join(', ') })
    case 'duplicateColumn':
      return t('problems.duplicateColumn', { column: p.column })
    case 'noHeader':
      return t('problems.noHeader')
  }
}
