import { createAnalyzer, defaultAnalyzerConfig, detectLanguage, distinctiveKeywords, lexiconSentiment, multiclassReport, sentimentLabel, type SentimentLabel } from '@rapport/ml'
import { z } from 'zod'
import { customerTexts, type CustomerText } from '../../../features/store/customer-texts.ts'
import { modelEnvelope, type ModelEnvelope } from '../../models/model-envelope.ts'
import type { ModelKind, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { confidenceOf, fitConfidenceTable, SENTIMENT_LABELS, type ConfidenceTable } from './sentiment-confidence.ts'
import { replaceProductKeywords, replaceTextSentiments, type ProductKeywordsRow, type TextSentimentRow } from './sentiment-writes.ts'

const optionsSchema = z.strictObject({
  neutral_band: z.number().min(0).max(0.5).default(0.05).describe('Lexicon scores within ± this are neutral'),
  keywords_top: z.number().int().min(1).max(50).default(10).describe('Distinctive keywords kept per product'),
  keywords_min_reviews: z.number().int().min(1).max(1000).default(3).describe('Products with fewer reviews get no keywords'),
})
type SentimentOptions = z.infer<typeof optionsSchema>

/** Fewer rated reviews than this and agreement with ratings is not measured (the kind still runs). */
export const SENTIMENT_MIN_RATED = 50

interface SentimentPayload {
  method: 'lexicon'
  neutralBand: number
  confidence: ConfidenceTable | null
  keywordsTop: number
  keywordsMinReviews: number
}

/**
 * Sentiment of every review and ticket (zh / en) with @rapport/ml's lexicon scorer — no labelled training
 * texts are needed — and each product's distinctive review keywords. The "training" measures: predicted
 * sentiment against the reviews' rating bands (1–2 negative, 3 neutral, 4–5 positive), accuracy and macro-F1
 * (primary), against always predicting the commonest band; and it builds the confidence table
 * (sentiment-confidence.ts) from the same reviews. Texts of customers whose profiling consent is revoked are
 * neither read nor stored.
 */
export const sentimentModel: ModelKind = {
  name: 'sentiment',
  title: { en: 'Review and ticket sentiment', 'zh-CN': '评价与工单情感' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as SentimentOptions
    const T = ctx.asOf
    const params = { ...o }
    await ctx.progress(0, 'reading reviews and tickets')
    const { texts, excluded } = await customerTexts(ctx.db, ctx.workspaceId, T, new Date(Math.max(T.getTime(), Date.now())))
    const reviews = texts.filter((t) => t.entity === 'reviews' && t.rating !== null)
    const training = {
      window: { texts_before: T.toISOString() },
      rows: { reviews: reviews.length, tickets: texts.length - reviews.length, texts_excluded_no_profiling_consent: excluded.texts },
      excludedNoProfilingConsent: excluded.customers,
    }
    if (texts.length === 0) {
      return { status: 'insufficient_data', params, training, reason: `needs ≥ 1 review or ticket with text before ${T.toISOString().slice(0, 10)}; this workspace has none${excluded.texts ? ` (${excluded.texts} left out: profiling consent revoked)` : ''}` }
    }
    const payload: SentimentPayload = { method: 'lexicon', neutralBand: o.neutral_band, confidence: null, keywordsTop: o.keywords_top, keywordsMinReviews: o.keywords_min_reviews }
    const envelope = (metrics: Record<string, number | null>) =>
      modelEnvelope({ kind: 'text', trainedOn: { rows: reviews.length, asOf: T.toISOString() }, params, metrics, payload: payload as unknown as Record<string, unknown> })
    if (reviews.length < SENTIMENT_MIN_RATED) {
      const metrics = { rated_reviews: reviews.length }
      return {
        status: 'trained', params, training, metrics, artefact: envelope(metrics),
        report: { agreement: `not measured: needs ≥ ${SENTIMENT_MIN_RATED} rated reviews; this workspace has ${reviews.length}`, confidence: 'uncalibrated (0.5 + |score| / 2)' },
      }
    }
    await ctx.progress(0.1, `scoring ${reviews.length} rated reviews`)
    const score = memoLexicon()
    const scores = Float64Array.from(reviews, (r) => score(r.text))
    ctx.signal.throwIfAborted()
    const predicted = Array.from(scores, (s) => sentimentLabel(s, o.neutral_band))
    const truth = reviews.map((r) => ratingBand(r.rating as number))
    payload.confidence = fitConfidenceTable(predicted, scores, truth)
    const index = (l: SentimentLabel) => SENTIMENT_LABELS.indexOf(l)
    const all = multiclassReport(truth.map(index), predicted.map(index), SENTIMENT_LABELS)
    const counts = SENTIMENT_LABELS.map((l) => truth.filter((t) => t === l).length)
    const majority = SENTIMENT_LABELS[counts.indexOf(Math.max(...counts))] as SentimentLabel
    const base = multiclassReport(truth.map(index), truth.map(() => index(majority)), SENTIMENT_LABELS)
    const byLanguage: Record<string, unknown> = {}
    for (const lang of ['zh', 'en']) {
      const rows = reviews.flatMap((r, i) => (languageOf(r) === lang ? [i] : []))
      if (rows.length === 0) continue
      const rep = multiclassReport(rows.map((i) => index(truth[i] as SentimentLabel)), rows.map((i) => index(predicted[i] as SentimentLabel)), SENTIMENT_LABELS)
      byLanguage[lang] = { reviews: rows.length, accuracy: rep.accuracy, macro_f1: rep.macroF1 }
    }
    const confusion = Object.fromEntries(SENTIMENT_LABELS.map((t) => [t, Object.fromEntries(SENTIMENT_LABELS.map((p) => [p, truth.filter((x, i) => x === t && predicted[i] === p).length]))]))
    const metrics = {
      accuracy: all.accuracy, macro_f1: all.macroF1, baseline_accuracy: base.accuracy, baseline_macro_f1: base.macroF1, rated_reviews: reviews.length,
    }
    return {
      status: 'trained', params, training, metrics, artefact: envelope(metrics),
      primary: { name: 'macro_f1', value: all.macroF1, higherIsBetter: true },
      report: {
        agreement: 'predicted sentiment vs rating band (1–2 negative, 3 neutral, 4–5 positive) over every rated review with text',
        baseline: `always "${majority}" (the commonest band)`,
        per_class: all.perClass, confusion, by_language: byLanguage,
        confidence: 'share of rated reviews with the same label and |score| bin whose band agreed (add-one smoothed), measured on these reviews; tickets (no rating) use the same table',
        confidence_table: payload.confidence,
      },
    }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    const payload = (version.artefact as ModelEnvelope).payload as unknown as SentimentPayload
    await ctx.progress(0, 'reading reviews and tickets')
    const { texts, excluded } = await customerTexts(ctx.db, ctx.workspaceId, ctx.asOf, new Date(Math.max(ctx.asOf.getTime(), Date.now())))
    await ctx.progress(0.1, `sentiment of ${texts.length} texts`)
    const score = memoLexicon()
    const out: TextSentimentRow[] = texts.map((t) => {
      const s = score(t.text)
      const label = sentimentLabel(s, payload.neutralBand)
      return { entity: t.entity, entityId: t.id, customerId: t.customerId, sentiment: label, confidence: confidenceOf(payload.confidence, label, s), language: languageOf(t) }
    })
    ctx.signal.throwIfAborted()
    await ctx.progress(0.8, 'product keywords')
    const keywords = productKeywords(texts.filter((t) => t.entity === 'reviews'), payload.keywordsTop, payload.keywordsMinReviews)
    const sentiments = { positive: 0, neutral: 0, negative: 0 }
    for (const r of out) sentiments[r.sentiment]++
    return {
      rows: out.length,
      summary: {
        reviews: texts.filter((t) => t.entity === 'reviews').length, tickets: texts.filter((t) => t.entity === 'tickets').length,
        sentiments, products_with_keywords: keywords.length, texts_excluded_no_profiling_consent: excluded.texts, excludedNoProfilingConsent: excluded.customers,
      },
      write: async (tx) => {
        await replaceTextSentiments(tx, ctx.workspaceId, version.id, out)
        await replaceProductKeywords(tx, ctx.workspaceId, version.id, keywords)
      },
    }
  },
}

const ratingBand = (rating: number): SentimentLabel => (rating <= 2 ? 'negative' : rating === 3 ? 'neutral' : 'positive')

/** The stored language, else the script-count guess (null when the text has no letters). */
function languageOf(t: CustomerText): string | null {
  if (t.language) return t.language
  const g = detectLanguage(t.text).lang
  return g === 'unknown' ? null : g
}

/** The lexicon score of a text, computed once per distinct text in a run (templated texts repeat). */
function memoLexicon(): (text: string) => number {
  const seen = new Map<string, number>()
  return (text) => {
    let s = seen.get(text)
    if (s === undefined) seen.set(text, (s = lexiconSentiment(text).score))
    return s
  }
}

/** Distinctive keywords of each product's reviews against all other products' (products with ≥ minReviews). */
function productKeywords(reviews: readonly CustomerText[], top: number, minReviews: number): ProductKeywordsRow[] {
  if (reviews.length === 0) return []
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig('auto'), negation: false, clauseMarks: true })
  const groups = reviews.map((r) => String(r.productId))
  const sizes = new Map<string, number>()
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  const byProduct = distinctiveKeywords(reviews.map((r) => analyzer.tokens(r.text)), groups, { top })
  const rows: ProductKeywordsRow[] = []
  for (const [g, list] of byProduct) {
    if ((sizes.get(g) ?? 0) < minReviews || list.length === 0) continue
    rows.push({ productId: Number(g), keywords: list.map((k) => ({ term: k.term, weight: Math.round(k.score * 1e4) / 1e4 })) })
  }
  return rows.sort((a, b) => a.productId - b.productId)
}
