import { afterEach, describe, expect, test } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import { i18n } from '../../../i18n/index.ts'
import type { Results } from '../api/campaign-types.ts'
import { UpliftCurves } from './UpliftCurves.tsx'

afterEach(cleanup)

const points = [{ share: 0, qini: 0, random: 0, uplift: null }, { share: 1, qini: 4, random: 4, uplift: 0.05 }]
const results = (curves: Results['curves'], reason: Results['curves_reason']) => ({ curves, curves_reason: reason }) as Results

describe('the uplift curves panel', () => {
  test('without curves it gives the reason in the page’s language', async () => {
    await i18n.changeLanguage('zh-CN')
    render(<UpliftCurves results={results(null, 'no_uplift_scores')} />)
    const reason = document.getElementById('curves-reason')
    expect(reason?.getAttribute('data-reason')).toBe('no_uplift_scores')
    expect(reason?.textContent).toMatch(/^暂无曲线：冻结受众时/)
    expect(document.getElementById('qini-chart')).toBeNull()
  })

  test('with curves: the Qini coefficient, both charts labelled, and who they were measured on', async () => {
    await i18n.changeLanguage('en')
    render(<UpliftCurves results={results({ recipients_scored: 200, treated_scored: 150, holdout_scored: 50, qini_auc: 0.2345, points }, null)} />)
    expect(document.getElementById('qini-auc')?.textContent).toMatch(/^Qini coefficient: 0\.235 .*150 treated and 50 holdout/)
    expect(document.getElementById('qini-chart')?.getAttribute('aria-label')).toMatch(/^Qini curve/)
    expect(document.getElementById('uplift-chart')?.getAttribute('aria-label')).toMatch(/^Uplift curve/)
    expect(document.getElementById('curves-reason')).toBeNull()
  })
})
