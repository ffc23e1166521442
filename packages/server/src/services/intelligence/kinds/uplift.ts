import {
  choiceName, crossValidateUplift, fitChoice, predictChoice, selectUpliftLearner, UPLIFT_BASES, UPLIFT_LEARNERS,
  type ClassifierOptions, type UpliftChoice, type UpliftData, type UpliftModel, type UpliftSpec,
} from '@rapport/ml'
import { z } from 'zod'
import { customerFeatures } from '../../../features/store/customer-features.ts'
import type { Db } from '../../../store/db.ts'
import type { ModelKind, ModelKindName, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { percentileRanks, replaceCustomerScores, type CustomerScoreRow } from '../score-writes.ts'
import { offThread } from '../../../compute/off-thread.ts'
import { upliftTrainingSet, type UpliftTrainingSet } from '../../campaigns/uplift-training-set.ts'

/** The customer_scores kind, and the name a model version is registered under. */
export const UPLIFT_KIND = 'uplift'

/**
 * Bands of the predicted uplift (a difference of conversion probabilities), fixed rather than relative so a
 * band means the same whatever the campaign history:
 *   persuadable            — uplift ≥ +2 points: the message is predicted to win at least one order in 50;
 *   sleeping_dog           — uplift ≤ −1 point: the message is predicted to lose orders; leave them out;
 *   sure_thing/lost_cause  — in between: they buy (or do not) whatever is sent.
 * The −1 point edge sits further from 0 than noise in the prediction of an indifferent customer usually goes.
 */
export const UPLIFT_BANDS = ['persuadable', 'sure_thing/lost_cause', 'sleeping_dog'] as const
export type UpliftBand = (typeof UPLIFT_BANDS)[number]
export const PERSUADABLE_FROM = 0.02
export const SLEEPING_DOG_TO = -0.01

export function upliftBand(uplift: number): UpliftBand {
  if (uplift >= PERSUADABLE_FROM) return 'persuadable'
  if (uplift <= SLEEPING_DOG_TO) return 'sleeping_dog'
  return 'sure_thing/lost_cause'
}

const SPEC_NAMES = UPLIFT_LEARNERS.flatMap((l) => UPLIFT_BASES.map((b) => `${l}/${b}`)) as [string, ...string[]]

const optionsSchema = z.strictObject({
  learner: z.enum(['auto', ...SPEC_NAMES] as [string, ...string[]]).default('auto').describe('auto = the best cross-validated Qini AUC among every meta-learner × base model and their pairs'),
  learners: z.array(z.enum(SPEC_NAMES)).min(1).default([...SPEC_NAMES]).describe('The learners auto chooses among'),
  pairs: z.boolean().default(true).describe('auto also weighs the average of each pair of learners'),
  folds: z.number().int().min(2).max(10).default(5).describe('Folds of the cross-validated Qini AUC and uplift@30 % reported'),
  // Fixed C and 100 trees, as the churn model does: choosing C by inner CV in every one of the ~40 fits of the
  // selection would multiply the time for a small gain.
  c: z.number().positive().max(1e6).default(0.1).describe('Inverse L2 strength of the logistic base models'),
  trees: z.number().int().min(10).max(2000).default(100).describe('Boosting rounds of the GBDT base models'),
  seed: z.number().int().default(0),
})
type UpliftOptions = z.infer<typeof optionsSchema>

/** Below these the Qini of a fold is mostly noise. */
export const UPLIFT_MIN_ROWS = 500
export const UPLIFT_MIN_CONVERSIONS_PER_ARM = 20

interface UpliftArtefact {
  format: 'rapport.uplift-from-campaigns'
  version: 1
  choice: UpliftChoice
  models: UpliftModel[]
  categories: string[]
}

/**
 * Uplift from past campaigns: trained on every finished campaign with a holdout (uplift-training-set.ts), the
 * learner chosen by the library's selectUpliftLearner (x-learner/gbdt unless another learner or pair beats its
 * inner cross-validated Qini AUC by more than a third: bench/results/uplift.md says why), its out-of-fold Qini AUC
 * and uplift@30 % reported (a k-fold of the chosen learner; the choice itself saw every row, so the figure is
 * slightly optimistic), then fitted on all rows. Scoring predicts, for every customer with features as of T,
 * uplift = P(convert | treated) − P(convert | control), stored as customer_scores kind 'uplift' with a band.
 *
 * Trained on request only (models.train with kind uplift, or trainUpliftFromCampaigns), not by the refresh of
 * every kind: it needs finished campaigns. The fits run on the compute thread, so a server stays responsive.
 */
export const upliftModel: ModelKind = {
  name: UPLIFT_KIND,
  inFullRefresh: false,
  title: { en: 'Campaign uplift', 'zh-CN': '营销增益' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as UpliftOptions
    const params = { ...o }
    await ctx.progress(0, 'building the training set from finished campaigns')
    const set = await upliftTrainingSet(ctx.db, ctx.workspaceId, ctx.asOf)
    ctx.signal.throwIfAborted()
    const arms = armCounts(set)
    const training = {
      window: { features_as_of: 'each campaign\'s planned_at', scored_as_of: ctx.asOf.toISOString(), ...(set.campaigns[0] ? { first_campaign: set.campaigns[0].planned_at, last_campaign: set.campaigns.at(-1)?.planned_at ?? '' } : {}) },
      rows: { campaigns: set.campaigns.length, train: set.y.length, treated: arms.treated, holdout: arms.holdout, treated_conversions: arms.treatedConversions, holdout_conversions: arms.holdoutConversions },
      excludedNoProfilingConsent: set.excludedNoProfilingConsent,
    }
    const short = insufficiency(set, arms)
    if (short) return { status: 'insufficient_data', reason: short, params, training }

    const data: UpliftData = { frame: set.frame, y: set.y, treatment: set.treatment, schema: set.schema }
    const fitOptions = { seed: o.seed, classifier: classifierOptions(o) }
    let choice: UpliftChoice
    let inner: Array<{ learner: string; qini_auc: number }> = []
    if (o.learner === 'auto') {
      await ctx.progress(0.05, `choosing the learner by inner cross-validated Qini on ${set.y.length} recipients`)
      const picked = await offThread('selectUpliftLearner', data, { ...fitOptions, pairs: o.pairs, candidates: o.learners.map(parseSpec) })
      choice = picked.choice
      inner = picked.inner.map((c) => ({ learner: choiceName(c.choice), qini_auc: round(c.qiniAuc) })).sort((a, b) => b.qini_auc - a.qini_auc)
    } else {
      choice = parseSpec(o.learner)
    }
    ctx.signal.throwIfAborted()
    await ctx.progress(0.5, `${o.folds}-fold cross-validation of ${choiceName(choice)}`)
    const cv = await offThread('crossValidateUplift', data, { ...fitOptions, folds: o.folds, learner: choice })
    ctx.signal.throwIfAborted()
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const qini = mean(cv.folds.map((f) => f.qiniAuc))
    const at30 = mean(cv.folds.map((f) => f.upliftAt30))
    await ctx.progress(0.85, `fitting ${choiceName(choice)} on every recipient`)
    const models = await offThread('fitChoice', data, choice, fitOptions)
    const treatedRate = arms.treatedConversions / arms.treated
    const holdoutRate = arms.holdoutConversions / arms.holdout
    const metrics = { qini_auc: qini, uplift_at_30: at30, observed_lift: treatedRate - holdoutRate, treated_conversion_rate: treatedRate, holdout_conversion_rate: holdoutRate }
    const artefact: UpliftArtefact = { format: 'rapport.uplift-from-campaigns', version: 1, choice, models, categories: set.categories }
    return {
      status: 'trained', params, training, metrics,
      primary: { name: 'qini_auc', value: qini, higherIsBetter: true },
      report: {
        learner: choiceName(choice),
        selection: o.learner === 'auto' ? 'best mean Qini AUC over an inner 3-fold CV of every recipient (selectUpliftLearner)' : 'fixed by the options',
        inner_qini_auc: inner,
        by_predicted_uplift: groupsByPrediction(cv.oof, set),
        per_fold: cv.folds.map((f) => ({ fold: f.fold + 1, rows: f.test.length, qini_auc: round(f.qiniAuc), uplift_at_30: round(f.upliftAt30) })),
        campaigns: set.campaigns,
        bands: { persuadable_from: PERSUADABLE_FROM, sleeping_dog_to: SLEEPING_DOG_TO },
      },
      artefact,
    }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    const a = version.artefact as UpliftArtefact
    await ctx.progress(0, 'features as of now')
    const f = await customerFeatures(ctx.db, ctx.workspaceId, { asOf: ctx.asOf, categories: a.categories, pointInTimeOnly: true })
    await ctx.progress(0.3, `predicting the uplift of ${f.frame.nRows} customers`)
    const uplift = predictChoice(a.models, f.frame)
    const pct = percentileRanks(uplift)
    const learner = choiceName(a.choice)
    const rows: CustomerScoreRow[] = Array.from(f.customerIds, (id, i) => {
      const band = upliftBand(uplift[i] as number)
      return { customerId: id, score: uplift[i] as number, percentile: pct[i] as number, band, label: band, details: { learner } }
    })
    const bands = Object.fromEntries(UPLIFT_BANDS.map((b) => [b, rows.filter((r) => r.band === b).length]))
    return {
      rows: rows.length,
      summary: { bands, excludedNoProfilingConsent: f.excludedNoProfilingConsent },
      write: (tx: Db) => replaceCustomerScores(tx, ctx.workspaceId, UPLIFT_KIND, version.id, rows),
    }
  },
}

const parseSpec = (name: string): UpliftSpec => {
  const [learner, base] = name.split('/') as [UpliftSpec['learner'], UpliftSpec['base']]
  return { learner, base }
}

/**
 * The recipients ranked by out-of-fold predicted uplift, cut into the top 30 %, the middle and the bottom 30 %,
 * each with its observed treated and holdout conversion rates: whether the ranking finds who the message helps.
 */
function groupsByPrediction(oof: Float64Array, set: UpliftTrainingSet) {
  const order = Array.from(oof, (_, i) => i).sort((a, b) => (oof[b] as number) - (oof[a] as number) || a - b)
  const cut = Math.floor(order.length * 0.3)
  const parts = { top_30: order.slice(0, cut), middle_40: order.slice(cut, order.length - cut), bottom_30: order.slice(order.length - cut) }
  return Object.fromEntries(Object.entries(parts).map(([name, rows]) => {
    const c = { treated: 0, holdout: 0, tc: 0, hc: 0, predicted: 0 }
    for (const i of rows) {
      c.predicted += (oof[i] as number) / rows.length
      if (set.treatment[i] === 1) {
        c.treated++
        c.tc += set.y[i] as number
      } else {
        c.holdout++
        c.hc += set.y[i] as number
      }
    }
    const tr = c.treated ? c.tc / c.treated : NaN
    const hr = c.holdout ? c.hc / c.holdout : NaN
    return [name, { rows: rows.length, treated: c.treated, holdout: c.holdout, treated_rate: round(tr), holdout_rate: round(hr), observed_lift: round(tr - hr), mean_predicted_uplift: round(c.predicted) }]
  }))
}

function classifierOptions(o: UpliftOptions): ClassifierOptions {
  return { logistic: { C: o.c }, gbdt: { bags: 1, nTrees: o.trees } }
}

function armCounts(set: UpliftTrainingSet) {
  const out = { treated: 0, holdout: 0, treatedConversions: 0, holdoutConversions: 0 }
  set.y.forEach((y, i) => {
    if (set.treatment[i] === 1) {
      out.treated++
      out.treatedConversions += y
    } else {
      out.holdout++
      out.holdoutConversions += y
    }
  })
  return out
}

function insufficiency(set: UpliftTrainingSet, arms: ReturnType<typeof armCounts>): string | undefined {
  if (set.campaigns.length === 0) return 'needs a finished campaign with a holdout group whose attribution window has closed; this workspace has none'
  if (set.y.length < UPLIFT_MIN_ROWS) return `needs ≥ ${UPLIFT_MIN_ROWS} treated and holdout recipients over its finished campaigns with a holdout; they have ${set.y.length}`
  const few = UPLIFT_MIN_CONVERSIONS_PER_ARM
  for (const [arm, n, conv] of [['treated', arms.treated, arms.treatedConversions], ['holdout', arms.holdout, arms.holdoutConversions]] as const) {
    if (conv < few || n - conv < few) return `needs ≥ ${few} converted and ≥ ${few} unconverted recipients in the ${arm} group; it has ${conv} and ${n - conv}`
  }
  return undefined
}

const round = (v: number) => Math.round(v * 1e4) / 1e4
