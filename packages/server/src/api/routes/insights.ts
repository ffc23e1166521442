import { z } from 'zod'
import { MODEL_KIND_NAMES } from '../../services/intelligence/model-kind.ts'
import { clustersInsight } from '../../services/intelligence/insights/clusters.ts'
import { clvInsight } from '../../services/intelligence/insights/clv.ts'
import { cohortsInsight } from '../../services/intelligence/insights/cohorts.ts'
import { overview } from '../../services/intelligence/insights/overview.ts'
import { rfmInsight } from '../../services/intelligence/insights/rfm.ts'
import { RULE_SORTS, rulesInsight } from '../../services/intelligence/insights/rules.ts'
import type { Db } from '../../store/db.ts'
import { decimalInt, errors, limitParam, rowsAs, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const count = z.number().int().nonnegative()
const modelVersion = z.object({ id: z.number().int(), version: z.number().int(), scored_at: z.string().nullable().describe('When it last scored (ISO 8601)') })
  .nullable().describe('The active version the numbers come from; null: not trained yet (the lists are then empty)')
const product = z.object({ id: z.number().int(), sku: z.string(), name: z.string(), category: z.string().nullable() })
const persona = z.object({ en: z.string(), 'zh-CN': z.string() }).describe('Persona name in English and Simplified Chinese')
const histogram = z.array(z.object({ from: z.number(), to: z.number(), customers: count }))
  .describe('Equal-width bins [from, to); values beyond the ends count in the first or last bin')
const dataEnd = z.string().describe('The instant the time windows count back from: just after the last order or event, never later than now')

const overviewOut = z.object({
  data_end: dataEnd,
  revenue_by_month: z.array(z.object({
    month: z.string().describe('YYYY-MM (UTC)'), revenue: z.number().describe('Sum of completed orders\' totals'),
    orders: count.describe('Completed orders'), customers: count.describe('Customers with a completed order that month'),
  })).describe('The last `months` calendar months up to the data end\'s (partial) month, oldest first, empty months as 0'),
  active_customers: z.object({
    d30: count, d90: count, d365: count, total: count.describe('Every customer of the workspace'),
  }).describe('Customers with a completed order in the last 30/90/365 days before the data end'),
  churn_risk: z.object({
    bands: z.array(z.object({ band: z.string().describe('low, medium, high'), customers: count })),
    histogram: histogram.describe('Churn probabilities in 10 bins over [0, 1]'),
  }).nullable().describe('null until a churn model is active'),
  clv: z.object({
    histogram: histogram.describe('Expected 12-month values in 10 bins from 0 to a round value at or above the 95th percentile'),
    total: z.number().describe('Sum of the expected 12-month values'), median: z.number().nullable(),
  }).nullable().describe('null until a CLV model is active'),
  rfm_segments: z.array(z.object({ segment: z.string(), customers: count, revenue: z.number().describe('All-time completed revenue of the segment\'s customers') }))
    .describe('Named RFM segments, largest first; empty until an RFM model has scored'),
  clusters: z.array(z.object({ cluster: z.number().int(), persona, customers: count })).describe('Clusters with their persona; empty until clustered'),
  best_sellers: z.array(z.object({ product, revenue: z.number().describe('Line revenue of completed orders in the months shown'), quantity: count }))
    .describe('Top 10 products by revenue in the months shown'),
  most_recommended: z.array(z.object({ product, customers: count.describe('Customers with it among their stored recommendations') }))
    .describe('Top 10 products by how many customers they are recommended to'),
  scored_at: z.record(z.enum(MODEL_KIND_NAMES), z.string().nullable()).describe('Per model kind, when its active version last scored (ISO 8601); null: no active version'),
})

const rfmOut = z.object({
  cells: z.array(z.object({
    r: z.number().describe('Recency score 1-5 (5: most recent)'), f: z.number().describe('Frequency score 1-5'),
    customers: count, revenue: z.number().describe('All-time completed revenue of the cell\'s customers'),
    mean_monetary: z.number().describe('revenue / customers'), mean_m: z.number().nullable().describe('Mean monetary score 1-5'),
  })).describe('The R x F grid; cells without customers are absent'),
  segments: z.array(z.object({ segment: z.string(), customers: count, revenue: z.number(), share: z.number().describe('Share of the RFM-scored customers') })),
  model_version: modelVersion,
})

const featureEntry = z.object({
  feature: z.string(), mean: z.number().nullable().describe('Mean in the cluster'), overall_mean: z.number().nullable().describe('Mean over every clustered customer'),
  z: z.number().nullable().describe('(mean - overall_mean) / standard deviation'),
})

const clustersOut = z.object({
  k: z.number().int().describe('Number of clusters'),
  silhouette: z.number().nullable().describe('Mean silhouette of the clustering, when the model reports it'),
  clusters: z.array(z.object({
    cluster: z.number().int(), persona,
    customers: count.describe('Customers in the cluster now'), share: z.number().describe('customers / every clustered customer'),
    trained_customers: z.number().nullable().describe('Customers at training time'),
    defining: z.array(featureEntry).describe('The features that set the cluster apart'),
    keywords: z.array(z.string()).describe('Distinctive keywords of its customers\' reviews'),
    profile: z.array(featureEntry).describe('Every clustering feature: the cluster\'s mean against the whole population\'s'),
  })),
  model_version: modelVersion,
})

const rulesOut = z.object({
  rules: z.array(z.object({
    antecedent: z.array(product).describe('Bought these…'), consequent: z.array(product).describe('…then also these'),
    support: z.number(), confidence: z.number(), lift: z.number(),
    customers: count.describe('Customers with one completed order holding every product of the rule; list them with GET /customers?bought_products=…'),
  })),
  model_version: modelVersion,
})

const cohortsOut = z.object({
  data_end: dataEnd,
  cohorts: z.array(z.object({
    cohort: z.string().describe('YYYY-MM (UTC) of the customers\' first completed order'),
    customers: count,
    retention: z.array(z.number()).describe('Share of the cohort with a completed order in month 0, 1, 2, … after it, up to the data end\'s month'),
  })).describe('Oldest first; months without new customers are absent'),
})

const clvOut = z.object({
  by_channel: z.array(z.object({
    channel: z.string().nullable().describe('Signup (acquisition) channel; null: not recorded'),
    customers: count, total_value: z.number(), mean_value: z.number(), mean_p_alive: z.number().nullable(),
  })).describe('Expected 12-month value by acquisition channel, largest total first'),
  histogram,
  total: z.number(),
  median: z.number().nullable(),
  calibration_table: z.array(z.record(z.string(), z.unknown())).describe('The backtest\'s calibration/holdout table: predicted vs actual purchases per frequency group'),
  model_version: modelVersion,
})

const monthsParam = (dflt: number, max: number) => decimalInt(1, max).default(dflt).describe(`Months counted back from the workspace's data end (1-${max})`)

/**
 * /api/v1/insights: aggregates over the stored results of the active models and the order history, for the
 * dashboard's Overview and Insights pages. Every answer is 200: before a model is trained its part is null or
 * empty and model_version is null.
 */
export function insightRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['insights']
    const common = { config: { access: 'customers:read' } } as const

    app.get('/overview', {
      ...common,
      schema: {
        tags, summary: 'Revenue, activity, churn-risk and CLV distributions, segments, best-selling and most-recommended products',
        description: 'Months count back from the workspace\'s data end (its last order or event), not from today: the demo\'s data ends 2026-11-01.',
        headers: workspaceHeader, querystring: z.strictObject({ months: monthsParam(24, 120) }),
        response: { 200: overviewOut, ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(overviewOut, await overview(db, req.actor, { months: req.query.months })))

    app.get('/rfm', {
      ...common,
      schema: { tags, summary: 'The RFM grid and named segments with customers and revenue', headers: workspaceHeader, querystring: z.strictObject({}), response: { 200: rfmOut, ...errors(400, 401, 403) } },
    }, async (req) => rowsAs(rfmOut, await rfmInsight(db, req.actor)))

    app.get('/clusters', {
      ...common,
      schema: { tags, summary: 'Customer clusters with personas, defining features, keywords and live sizes', headers: workspaceHeader, querystring: z.strictObject({}), response: { 200: clustersOut, ...errors(400, 401, 403) } },
    }, async (req) => rowsAs(clustersOut, await clustersInsight(db, req.actor)))

    app.get('/rules', {
      ...common,
      schema: {
        tags, summary: 'Basket rules (bought together) with their products and how many customers bought each', headers: workspaceHeader,
        querystring: z.strictObject({ limit: limitParam, sort: z.enum(RULE_SORTS).default('lift').describe('Best first by this measure') }),
        response: { 200: rulesOut, ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(rulesOut, await rulesInsight(db, req.actor, { limit: req.query.limit, sort: req.query.sort })))

    app.get('/cohorts', {
      ...common,
      schema: {
        tags, summary: 'Monthly acquisition cohorts and their retention', headers: workspaceHeader,
        querystring: z.strictObject({ months: monthsParam(12, 60) }), response: { 200: cohortsOut, ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(cohortsOut, await cohortsInsight(db, req.actor, { months: req.query.months })))

    app.get('/clv', {
      ...common,
      schema: { tags, summary: 'Customer lifetime value by acquisition channel, its distribution and calibration', headers: workspaceHeader, querystring: z.strictObject({}), response: { 200: clvOut, ...errors(400, 401, 403) } },
    }, async (req) => rowsAs(clvOut, await clvInsight(db, req.actor)))
  }
}
