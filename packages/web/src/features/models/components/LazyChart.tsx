import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { XYChart } from './model-charts-echarts.ts'

/**
 * A chart of the model pages: ECharts is loaded on first render (model-charts-echarts.ts), the SVG is drawn
 * into a labelled figure, and a table with the same numbers follows for screen readers and for copying.
 */
export function LazyChart({ chart, label, id }: { chart: XYChart; label: string; id: string }) {
  const { i18n } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const zh = i18n.language === 'zh-CN'
  useEffect(() => {
    const el = box.current
    if (!el) return
    let disposed = false
    let drawn: { dispose(): void } | undefined
    void import('./model-charts-echarts.ts').then(({ drawXY }) => {
      if (!disposed) drawn = drawXY(el, chart, zh)
    })
    return () => {
      disposed = true
      drawn?.dispose()
    }
  }, [chart, zh])
  return <div ref={box} id={id} className="model-chart" role="img" aria-label={label} />
}
