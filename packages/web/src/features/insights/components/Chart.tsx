import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartClick } from './insights-echarts.ts'

/**
 * One ECharts chart, drawn once the chart code has loaded (its own chunk). `label` describes it for screen
 * readers; the sections next to each chart list the same numbers as links, so nothing needs a mouse.
 */
export function Chart({ option, label, onClick, className = 'insight-chart' }: { option: EChartsCoreOption; label: string; onClick?: (c: ChartClick) => void; className?: string }) {
  const { i18n } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const click = useRef(onClick)
  useEffect(() => {
    click.current = onClick
  })
  const key = JSON.stringify(option)

  useEffect(() => {
    const el = box.current
    if (!el) return
    let disposed = false
    let chart: { dispose(): void } | undefined
    void import('./insights-echarts.ts').then(({ drawChart }) => {
      if (!disposed) chart = drawChart(el, option, { zh: i18n.language === 'zh-CN', onClick: (c) => click.current?.(c) })
    })
    return () => {
      disposed = true
      chart?.dispose()
    }
    // The option is compared by value (key): a new object with the same content does not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, i18n.language])

  return <div ref={box} className={className} role="img" aria-label={label} />
}
