import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { drillChips, withoutChip, type Chip, type DrillFilters } from '../api/drill-filters.ts'

/** The drill-down filters a chart put in the URL, each with a button that removes it. */
export function DrillChips({ value, onChange }: { value: DrillFilters; onChange: (f: DrillFilters) => void }) {
  const { t, i18n } = useTranslation('customers')
  const chips = drillChips(value)
  if (chips.length === 0) return null
  const lang = i18n.language
  const text = (c: Chip): string => {
    if (c.kind === 'range') {
      const digits = c.field === 'clv' ? 0 : 2
      const from = c.from === undefined ? undefined : formatNumber(c.from, lang, digits)
      const to = c.to === undefined ? undefined : formatNumber(c.to, lang, digits)
      if (from !== undefined && to !== undefined) return t('drill.between', { from, to })
      return from !== undefined ? t('drill.atLeast', { from }) : t('drill.below', { to })
    }
    if (c.field === 'churnBand') return t(`drill.bands.${c.value}`, { defaultValue: c.value })
    if (c.field === 'boughtProducts') return c.value.split(',').join(', ')
    return c.value
  }
  return (
    <ul className="chips" aria-label={t('drill.label')}>
      {chips.map((c) => {
        const label = `${t(`drill.${c.field}`)}: ${text(c)}`
        return (
          <li key={c.id} className="chip" data-chip={c.id}>
            <span>{label}</span>
            <button type="button" className="chip-remove" aria-label={t('drill.remove', { filter: label })} onClick={() => onChange(withoutChip(value, c))}>
              ×
            </button>
          </li>
        )
      })}
    </ul>
  )
}
