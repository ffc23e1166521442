import { describe, expect, test } from 'vitest'
import en from '../../../i18n/en/models.json'
import zh from '../../../i18n/zh-CN/models.json'
import { featureLabel, featureSpec, featureValue } from './feature-labels.ts'

/** A translate function over a real bundle, with i18next's {{placeholder}} and _one/_other rules. */
function translator(bundle: Record<string, unknown>) {
  return (key: string, opts: Record<string, unknown> = {}): string => {
    const get = (k: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], bundle)
    const plural = typeof opts.count === 'number' ? get(`${key}_${opts.count === 1 ? 'one' : 'other'}`) : undefined
    const s = plural ?? get(key)
    if (typeof s !== 'string') return key
    return s.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(opts[v]))
  }
}
const tEn = translator(en)
const tZh = translator(zh)

describe('feature labels', () => {
  test('fixed, windowed, per-category, per-channel, per-event and consent names get labels in both languages', () => {
    expect(featureLabel('recency_days', tEn)).toBe('Days since the last order')
    expect(featureLabel('recency_days', tZh)).toBe('距上次下单天数')
    expect(featureLabel('orders_90d', tEn)).toBe('Orders in the last 90 days')
    expect(featureLabel('revenue_365d', tZh)).toBe('最近 365 天消费')
    expect(featureLabel('category_share_Home Textiles', tEn)).toBe('Share of spending on Home Textiles')
    expect(featureLabel('channel_share_marketplace', tZh)).toBe('通过电商平台下单的比例')
    expect(featureLabel('events_add_to_cart_30d', tEn)).toBe('Added to cart in the last 30 days')
    expect(featureLabel('events_remove_from_cart_90d', tZh)).toBe('最近 90 天移出购物车次数')
    expect(featureLabel('consent_sms', tEn)).toBe('SMS marketing consent')
  })

  test('a name outside the catalogue has no label (shown raw), including unknown channels and event types', () => {
    expect(featureLabel('basket_entropy', tEn)).toBeUndefined()
    expect(featureLabel('channel_share_fax', tEn)).toBeUndefined()
    expect(featureLabel('events_teleport_30d', tEn)).toBeUndefined()
    expect(featureSpec('consent_post').key).toBeUndefined()
  })

  test('values are shown in the unit of the feature', () => {
    expect(featureValue('recency_days', '74.69722222222222', 'en', tEn)).toBe('75 days')
    expect(featureValue('recency_days', '1.2', 'en', tEn)).toBe('1 day')
    expect(featureValue('days_since_last_event', '3', 'zh-CN', tZh)).toBe('3 天')
    expect(featureValue('revenue_365d', '8793.19', 'en', tEn)).toMatch(/8,793\.19/)
    expect(featureValue('cancel_refund_rate', '0.25', 'en', tEn)).toBe('25%')
    expect(featureValue('category_share_Baby', 0.5, 'zh-CN', tZh)).toBe('50%')
    expect(featureValue('orders_365d', '20', 'en', tEn)).toBe('20')
    expect(featureValue('reviews_mean_rating', '4.25', 'en', tEn)).toBe('4.3 of 5')
    expect(featureValue('consent_email', 'revoked', 'zh-CN', tZh)).toBe('已撤回')
    expect(featureValue('gender', 'female', 'zh-CN', tZh)).toBe('女')
    expect(featureValue('signup_channel', 'app', 'en', tEn)).toBe('the app')
    expect(featureValue('city', '上海', 'en', tEn)).toBe('上海')
    expect(featureValue('orders_30d', '', 'en', tEn)).toBe('unknown')
  })
})
