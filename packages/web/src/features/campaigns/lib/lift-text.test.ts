import { describe, expect, test } from 'vitest'
import { i18n } from '../../../i18n/index.ts'
import { liftText, pValueText, verdict, type Translate } from './lift-text.ts'

const t = (lang: string) => i18n.getFixedT(lang, 'campaigns') as unknown as Translate

describe('a lift in words', () => {
  test('a conversion lift reads as signed points with its 95 % interval and p-value', () => {
    expect(liftText(t('en'), { diff: 0.021, ci_low: 0.004, ci_high: 0.038, p_value: 0.02 }, 'points', 'en')).toBe('+2.1 pts (95 % CI 0.4 to 3.8), p = 0.02')
    expect(liftText(t('en'), { diff: -0.005, ci_low: -0.012, ci_high: 0.002, p_value: 0.2 }, 'points', 'en')).toBe('-0.5 pts (95 % CI -1.2 to 0.2), p = 0.2')
    expect(liftText(t('zh-CN'), { diff: 0.021, ci_low: 0.004, ci_high: 0.038, p_value: 0.02 }, 'points', 'zh-CN')).toBe('+2.1 个百分点（95% 置信区间 0.4 至 3.8），p = 0.02')
  })

  test('a revenue lift is money; a missing interval or difference is said, not shown as zero', () => {
    expect(liftText(t('en'), { diff: 1.5, ci_low: -0.25, ci_high: 3.25, p_value: 0.09 }, 'money', 'en')).toBe('+CN¥1.50 (95 % CI -CN¥0.25 to CN¥3.25), p = 0.09')
    expect(liftText(t('en'), { diff: 0.01, ci_low: null, ci_high: null, p_value: null }, 'points', 'en')).toBe('+1 pts, p —')
    expect(liftText(t('en'), { diff: null, ci_low: null, ci_high: null, p_value: null }, 'points', 'en')).toBe('not measurable')
  })

  test('p-values keep two decimals, three below 0.01, and tiny ones read as < 0.001', () => {
    expect(pValueText(0.0421, 'en')).toBe('= 0.04')
    expect(pValueText(0.0042, 'en')).toBe('= 0.004')
    expect(pValueText(0.00001, 'en')).toBe('< 0.001')
  })

  test('the verdict depends on whether the interval leaves zero out', () => {
    expect(verdict({ ci_low: 0.001, ci_high: 0.02 })).toBe('up')
    expect(verdict({ ci_low: -0.02, ci_high: -0.001 })).toBe('down')
    expect(verdict({ ci_low: -0.01, ci_high: 0.02 })).toBe('unclear')
    expect(verdict({ ci_low: null, ci_high: 0.02 })).toBe('unknown')
  })
})
