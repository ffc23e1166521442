import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDate, formatNumber } from '../../../lib/format.ts'
import { useGrowth } from '../api/segments.ts'

/**
 * The segment's size over the last 90 days and who joined and left each day. ECharts loads on first
 * render (growth-chart-echarts.ts); the same numbers follow in a table for screen readers and copying.
 */
export function GrowthChart({ segmentId }: { segmentId: string }) {
  const { t, i18n } = useTranslation('segments')
  const growth = useGrowth(segmentId)
  const box = useRef<HTMLDivElement>(null)
  const zh = i18n.language === 'zh-CN'
  const days = growth.data?.data

  useEffect(() => {
    const el = box.current
    if (!el || !days || days.length === 0) return
    let disposed = false
    let chart: { dispose(): void } | undefined
    void import('./growth-chart-echarts.ts').then(({ drawGrowth }) => {
      if (!disposed) chart = drawGrowth(el, days, { size: t('growth.size'), added: t('growth.added'), dropped: t('growth.dropped'), zh })
    })
    return () => {
      disposed = true
      chart?.dispose()
    }
  }, [days, zh, t])

  return (
    <section className="panel" aria-labelledby="growth-title" id="growth">
      <h2 id="growth-title">{t('growth.title')}</h2>
      {growth.isPending && <Loading />}
      {growth.error && <ErrorState error={growth.error} onRetry={() => void growth.refetch()} />}
      {days && days.length === 0 && <p className="muted">{t('growth.empty')}</p>}
      {days && days.length > 0 && (
        <>
          <div ref={box} className="seg-growth-chart" id="growth-chart" role="img" aria-label={t('growth.label', { days: days.length, size: formatNumber(days[days.length - 1]?.size, i18n.language) })} />
          <details>
            <summary>{t('growth.numbers')}</summary>
            <div className="table-scroll">
              <table className="simple-table compact" id="growth-table">
                <caption className="visually-hidden">{t('growth.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('growth.day')}</th>
                    <th scope="col" className="num">{t('growth.size')}</th>
                    <th scope="col" className="num">{t('growth.added')}</th>
                    <th scope="col" className="num">{t('growth.dropped')}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((d) => (
                    <tr key={d.day}>
                      <td>{formatDate(`${d.day}T00:00:00`, i18n.language)}</td>
                      <td className="num">{formatNumber(d.size, i18n.language)}</td>
                      <td className="num">{formatNumber(d.added, i18n.language)}</td>
                      <td className="num">{formatNumber(d.dropped, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  )
}
