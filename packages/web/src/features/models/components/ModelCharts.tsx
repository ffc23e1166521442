import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalibrationBin, LiftRow, RocPoint } from '../lib/report-parts.ts'
import { LazyChart } from './LazyChart.tsx'
import type { Series, XYChart } from './model-charts-echarts.ts'

const MODEL = '#1d4ed8'
const BASELINE = '#b45309'
const REFERENCE = '#9ca3af'
const diagonal = (name: string): Series => ({ name, points: [[0, 0], [1, 1]], kind: 'dashed', color: REFERENCE })

/** Share of customers reached vs share of positives captured, decile by decile, from the lift table. */
export function gainsPoints(lift: readonly LiftRow[]): Array<[number, number]> {
  const total = lift.reduce((s, r) => s + r.rows, 0)
  const out: Array<[number, number]> = [[0, 0]]
  let seen = 0
  for (const r of lift) {
    seen += r.rows
    out.push([total ? seen / total : 0, r.cumulativeGain ?? 0])
  }
  return out
}

/** ROC of the model against the baseline's and chance. */
export function RocChart({ roc, baseline }: { roc: RocPoint[]; baseline: RocPoint[] | undefined }) {
  const { t } = useTranslation('models')
  const chart = useMemo<XYChart>(
    () => ({
      xName: t('charts.fpr'),
      yName: t('charts.tpr'),
      unitSquare: true,
      series: [
        { name: t('detail.model'), points: roc.map((p) => [p.fpr, p.tpr]), kind: 'line', color: MODEL },
        ...(baseline ? [{ name: t('detail.baseline'), points: baseline.map((p): [number, number] => [p.fpr, p.tpr]), kind: 'line' as const, color: BASELINE }] : []),
        diagonal(t('charts.chance')),
      ],
    }),
    [roc, baseline, t],
  )
  return <ChartPanel id="roc" title={t('charts.roc')} hint={t('charts.rocHint')} chart={chart} />
}

/** Mean predicted probability vs observed rate per bin: on the diagonal is well calibrated. */
export function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  const { t } = useTranslation('models')
  const chart = useMemo<XYChart>(
    () => ({
      xName: t('charts.predicted'),
      yName: t('charts.observed'),
      unitSquare: true,
      series: [
        { name: t('detail.model'), points: bins.filter((b) => b.meanPredicted !== null && b.observedRate !== null).map((b) => [b.meanPredicted ?? 0, b.observedRate ?? 0]), kind: 'line', color: MODEL },
        diagonal(t('charts.perfect')),
      ],
    }),
    [bins, t],
  )
  return <ChartPanel id="calibration" title={t('charts.calibration')} hint={t('charts.calibrationHint')} chart={chart} />
}

/** Cumulative gains of the model and the baseline (and of picking customers at random). */
export function GainsChart({ lift, baseline }: { lift: LiftRow[]; baseline: LiftRow[] | undefined }) {
  const { t } = useTranslation('models')
  const chart = useMemo<XYChart>(
    () => ({
      xName: t('charts.reached'),
      yName: t('charts.captured'),
      unitSquare: true,
      series: [
        { name: t('detail.model'), points: gainsPoints(lift), kind: 'line', color: MODEL },
        ...(baseline ? [{ name: t('detail.baseline'), points: gainsPoints(baseline), kind: 'line' as const, color: BASELINE }] : []),
        diagonal(t('charts.random')),
      ],
    }),
    [lift, baseline, t],
  )
  return <ChartPanel id="gains" title={t('charts.gains')} hint={t('charts.gainsHint')} chart={chart} />
}

function ChartPanel({ id, title, hint, chart }: { id: string; title: string; hint: string; chart: XYChart }) {
  return (
    <section className="panel model-chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{hint}</p>
      <LazyChart id={`${id}-chart`} chart={chart} label={title} />
    </section>
  )
}
