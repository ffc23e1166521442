import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { sparklinePoints } from '../lib/sparkline.ts'

const W = 100
const H = 24

/** The segment's size over the last 30 days as a tiny line, named in words for screen readers. */
export function Sparkline({ growth }: { growth: ReadonlyArray<{ day: string; size: number }> }) {
  const { t, i18n } = useTranslation('segments')
  if (growth.length === 0) return <span className="muted">{t('list.noGrowth')}</span>
  const sizes = growth.map((g) => g.size)
  const label = t('list.sparkline', { from: formatNumber(sizes[0], i18n.language), to: formatNumber(sizes[sizes.length - 1], i18n.language), days: growth.length })
  return (
    <svg className="seg-sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={sparklinePoints(sizes, W, H)} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}
