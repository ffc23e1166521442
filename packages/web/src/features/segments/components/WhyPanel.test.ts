import { describe, expect, test } from 'vitest'
import { i18n } from '../../../i18n/index.ts'
import type { Translate } from '../lib/labels.ts'
import { actualText } from './WhyPanel.tsx'

const t = (lang: string) => i18n.getFixedT(lang, 'segments') as unknown as Translate

describe('a customer’s value in the Why table', () => {
  test('bands and consent states are words of the reader’s language; other texts stay as the server gave them', () => {
    const band = { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' } as const
    const consent = { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' } as const
    expect(actualText(t('zh-CN'), 'zh-CN', band, 'low')).toBe('低')
    expect(actualText(t('zh-CN'), 'zh-CN', consent, 'revoked')).toBe('已撤回')
    expect(actualText(t('en'), 'en', consent, 'unknown')).toBe('Nothing recorded')
    expect(actualText(t('zh-CN'), 'zh-CN', { type: 'profile', field: 'city', op: 'is', value: '上海' }, 'low')).toBe('low')
  })

  test('no value, yes/no and numbers are written for the reader', () => {
    expect(actualText(t('en'), 'en', undefined, null)).toBe('none')
    expect(actualText(t('zh-CN'), 'zh-CN', undefined, true)).toBe('是')
    expect(actualText(t('en'), 'en', undefined, 1234.5678)).toBe('1,234.568')
  })
})
