import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRng } from '@rapport/ml'
import { generateDemoWithTruth } from './generate.ts'
import { EN_PHRASES } from './phrases-en.ts'
import { ZH_PHRASES } from './phrases-zh.ts'
import { phrasesOf } from './phrase-types.ts'
import type { ReviewPhrases, Sentiment } from './phrase-types.ts'
import { drawRating, sentimentOf } from './reviews.ts'

const { data, truth } = generateDemoWithTruth()
const SENTIMENTS: Sentiment[] = ['positive', 'mixed', 'negative']
const banks: Record<'en' | 'zh', ReviewPhrases> = { en: EN_PHRASES, zh: ZH_PHRASES }
const lower = (bank: ReviewPhrases, s: Sentiment) => phrasesOf(bank[s]).map((p) => p.toLowerCase())

test('sentiment maps 4–5 to positive, 3 to mixed, 1–2 to negative', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(sentimentOf), ['negative', 'negative', 'mixed', 'positive', 'positive'])
})

test('no phrase of one sentiment hides inside a phrase or context sentence of another', () => {
  for (const lang of ['en', 'zh'] as const) {
    const bank = banks[lang]
    for (const a of SENTIMENTS) {
      for (const b of SENTIMENTS) {
        if (a === b) continue
        for (const p of lower(bank, a)) {
          for (const q of lower(bank, b)) assert.ok(!q.includes(p), `${lang}: ${a} '${p}' inside ${b} '${q}'`)
        }
      }
      for (const p of lower(bank, a)) for (const c of bank.context) assert.ok(!c.toLowerCase().includes(p), `${lang}: '${p}' in context`)
    }
  }
})

test('every review text agrees with its rating: phrases of its sentiment only', () => {
  const lang = new Map(data.customers.map((c) => [c.external_id, c.country === 'CN' ? 'zh' : 'en'] as const))
  for (const r of data.reviews) {
    const l = lang.get(r.customer_id)
    assert.equal(r.language, l, `${r.external_id} language`)
    const bank = banks[l ?? 'en']
    const text = (r.text ?? '').toLowerCase()
    const own = sentimentOf(r.rating)
    assert.ok(lower(bank, own).some((p) => text.includes(p)), `${r.external_id} (${r.rating}): no ${own} phrase in '${r.text}'`)
    for (const other of SENTIMENTS) {
      if (other === own) continue
      const hit = lower(bank, other).find((p) => text.includes(p))
      assert.equal(hit, undefined, `${r.external_id} (${r.rating}): ${other} phrase '${hit}' in '${r.text}'`)
    }
    const cjk = /[\u4e00-\u9fff]/.test(r.text ?? '')
    assert.equal(cjk, l === 'zh', `${r.external_id}: script does not match language`)
  }
})

test('review texts are varied, and ratings spread over all five stars with a J shape', () => {
  const unique = new Set(data.reviews.map((r) => r.text)).size
  assert.ok(unique > 0.6 * data.reviews.length, `${unique} distinct of ${data.reviews.length}`)
  const counts = [0, 0, 0, 0, 0]
  for (const r of data.reviews) counts[r.rating - 1] = (counts[r.rating - 1] ?? 0) + 1
  for (const c of counts) assert.ok(c > 50, `rating counts ${counts}`)
  assert.ok((counts[4] ?? 0) > (counts[2] ?? 0) && (counts[3] ?? 0) > (counts[2] ?? 0), `rating counts ${counts}`)
})

test('ratings follow latent product quality', () => {
  const sum = { poor: 0, poorN: 0, good: 0, goodN: 0 }
  for (const r of data.reviews) {
    const q = truth.productQuality[r.sku] ?? 0
    if (q < -1) {
      sum.poor += r.rating
      sum.poorN++
    } else if (q > 0.3) {
      sum.good += r.rating
      sum.goodN++
    }
  }
  assert.ok(sum.poorN > 30 && sum.goodN > 30)
  assert.ok(sum.good / sum.goodN - sum.poor / sum.poorN > 1, `${sum.good / sum.goodN} vs ${sum.poor / sum.poorN}`)
})

test('drawRating stays in 1..5 and a refund lowers it', () => {
  const rng = createRng(3)
  let plain = 0
  let refunded = 0
  for (let i = 0; i < 2000; i++) {
    const a = drawRating(rng, 0, 0, false)
    const b = drawRating(rng, 0, 0, true)
    assert.ok(Number.isInteger(a) && a >= 1 && a <= 5 && Number.isInteger(b) && b >= 1 && b <= 5)
    plain += a
    refunded += b
  }
  assert.ok(plain / 2000 - refunded / 2000 > 1.5)
})
