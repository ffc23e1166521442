import { z } from 'zod'

/**
 * A segment's definition: a tree of groups (all / any / not, nested to any depth) whose leaves are conditions
 * on the customer's profile, tags, typed attributes, consent, behaviour (orders, order lines, events, reviews,
 * tickets), products bought, stored predictions and membership of other segments. The compiler
 * (services/segments/compile-segment.ts) turns it into one parameterised SQL query; the phrase parser
 * (services/segments/phrases/) turns zh/en phrases into it. Every field name here is from a closed list: the
 * compiler maps each to SQL it owns, and values only ever travel as parameters.
 *
 * Time: "in the last N days" and "between A and B days ago" are rolling windows (N × 24 h back from now);
 * calendar dates ("since 2026-01-01", before/after/on a date) and anniversaries are read in the workspace's
 * time zone.
 */

export const MAX_DEPTH = 12
export const MAX_CONDITIONS = 60
/** Longest window in days (about 30 years): a larger number is almost surely a typo. */
export const MAX_DAYS = 11_000

const day = z.iso.date().describe('Calendar date YYYY-MM-DD, read in the workspace time zone')
const days = z.number().int().min(1, 'must be at least 1 day').max(MAX_DAYS, `must be at most ${MAX_DAYS} days`)
const text = z.string().min(1, 'must not be empty').max(200).refine((s) => !s.includes('\u0000'), 'contains a NUL character')
const textList = z.array(text).min(1, 'needs at least one value').max(200)
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const NUMBER_OPS = ['>=', '>', '<=', '<', '=', '!='] as const
export const TEXT_OPS = ['is', 'is_not', 'in', 'not_in', 'contains', 'starts_with', 'is_set', 'is_not_set'] as const
export const CHOICE_OPS = ['is', 'is_not', 'in', 'not_in', 'is_set', 'is_not_set'] as const
export const DATE_OPS = ['before', 'after', 'on', 'within_last', 'within_next', 'more_than_ago', 'anniversary_within_next', 'is_set', 'is_not_set'] as const
export const SET_OPS = ['any', 'all', 'none'] as const

export type NumberOp = (typeof NUMBER_OPS)[number]
export type TextOp = (typeof TEXT_OPS)[number]
export type DateOp = (typeof DATE_OPS)[number]

/** A time window over the counted rows: exactly one of the three forms. */
export const windowSchema = z
  .strictObject({
    last_days: days.optional().describe('Rows in the last N days (rolling)'),
    days_ago_from: z.number().int().min(1).max(MAX_DAYS).optional().describe('With days_ago_to: rows between days_ago_from and days_ago_to days ago'),
    days_ago_to: z.number().int().min(0).max(MAX_DAYS).optional().describe('Nearer end of the range, smaller than days_ago_from (0 = now)'),
    since: day.optional().describe('Rows on or after this date'),
  })
  .superRefine((w, ctx) => {
    const forms = [w.last_days !== undefined, w.days_ago_from !== undefined || w.days_ago_to !== undefined, w.since !== undefined].filter(Boolean).length
    if (forms !== 1) ctx.addIssue({ code: 'custom', message: 'needs exactly one of last_days, days_ago_from + days_ago_to, since' })
    if ((w.days_ago_from === undefined) !== (w.days_ago_to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [w.days_ago_from === undefined ? 'days_ago_from' : 'days_ago_to'], message: 'days_ago_from and days_ago_to go together' })
    } else if (w.days_ago_from !== undefined && w.days_ago_to !== undefined && w.days_ago_to >= w.days_ago_from) {
      ctx.addIssue({ code: 'custom', path: ['days_ago_to'], message: `must be smaller than days_ago_from (${w.days_ago_from}): the range runs from further back to nearer now` })
    }
  })
  .describe('A time window: { last_days } or { days_ago_from, days_ago_to } or { since }')
export type SegmentWindow = z.infer<typeof windowSchema>

// ---- Profile -------------------------------------------------------------------------------------------

export const PROFILE_TEXT_FIELDS = ['external_id', 'name', 'email', 'phone', 'city', 'region', 'country', 'gender'] as const
export const PROFILE_DATE_FIELDS = ['signup_at', 'birth_date', 'created_at'] as const

const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional()

export const profileCondition = z.strictObject({
  type: z.literal('profile'),
  field: z.enum(PROFILE_TEXT_FIELDS),
  op: z.enum(TEXT_OPS),
  value: value.describe('A text for is / is_not / contains / starts_with, a list for in / not_in, nothing for is_set / is_not_set'),
})

export const dateCondition = z.strictObject({
  type: z.literal('date'),
  field: z.enum(PROFILE_DATE_FIELDS),
  op: z.enum(DATE_OPS),
  value: value.describe('A date for before / after / on, a number of days for within_last / within_next / more_than_ago / anniversary_within_next'),
})

export const tagCondition = z.strictObject({
  type: z.literal('tag'),
  op: z.enum(SET_OPS).describe('has any / all / none of the tags'),
  value: textList,
})

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'date'] as const
export const attributeCondition = z.strictObject({
  type: z.literal('attribute'),
  path: z.string().regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,7}$/, 'must be keys of letters, digits, _ or - joined by dots, e.g. loyalty.tier')
    .describe('Path into customers.attributes, keys joined by dots'),
  value_type: z.enum(ATTRIBUTE_TYPES).describe('How the attribute is read; a value of another JSON type does not match'),
  op: z.string().describe('text: the text operators; number: the number operators; boolean: is / is_not; date: the date operators'),
  value,
})

// ---- Consent -------------------------------------------------------------------------------------------

export const CONSENT_STATES = ['granted', 'revoked', 'unknown'] as const
export const consentCondition = z.strictObject({
  type: z.literal('consent'),
  channel: z.enum(['email', 'sms']),
  purpose: text.default('marketing').describe('Consent purpose (default marketing)'),
  op: z.enum(['is', 'is_not']),
  value: z.enum(CONSENT_STATES).describe('The latest recorded state; unknown: nothing recorded'),
})

// ---- Behaviour -----------------------------------------------------------------------------------------

export const BEHAVIOUR_SOURCES = ['orders', 'order_lines', 'events', 'reviews', 'tickets'] as const
export type BehaviourSource = (typeof BEHAVIOUR_SOURCES)[number]
export const MEASURES = ['count', 'sum', 'avg', 'min', 'max', 'first_at', 'last_at'] as const
export type Measure = (typeof MEASURES)[number]

/** Numeric fields sum / avg / min / max may aggregate, per source. */
export const MEASURE_FIELDS: Record<BehaviourSource, readonly string[]> = {
  orders: ['total'],
  order_lines: ['quantity', 'revenue'],
  events: [],
  reviews: ['rating'],
  tickets: [],
}

/** Row filters each source accepts. */
export const FILTER_KEYS: Record<BehaviourSource, readonly string[]> = {
  orders: ['status', 'channel'],
  order_lines: ['status', 'channel', 'category', 'product_ids'],
  events: ['event_type', 'category', 'product_ids'],
  reviews: ['category', 'product_ids', 'sentiment'],
  tickets: ['status', 'channel', 'priority', 'sentiment'],
}

/** Orders and order lines count purchases unless a status filter says otherwise. */
export const PURCHASE_STATUSES = ['paid', 'shipped', 'completed'] as const

export const behaviourFilter = z.strictObject({
  status: textList.optional().describe('Order status (orders, order lines; default: paid, shipped, completed) or ticket status'),
  channel: textList.optional().describe('Order channel or ticket channel'),
  category: textList.optional().describe('Product category of the line, event or review'),
  product_ids: z.array(id).min(1).max(200).optional().describe('Product ids of the line, event or review'),
  event_type: textList.optional().describe('Event type (view, cart, email_open, email_click, …)'),
  priority: textList.optional().describe('Ticket priority'),
  sentiment: z.array(z.enum(['positive', 'neutral', 'negative'])).min(1).optional().describe('Sentiment of the review or ticket text (stored by the sentiment model)'),
})

export const behaviourCondition = z.strictObject({
  type: z.literal('behaviour'),
  source: z.enum(BEHAVIOUR_SOURCES),
  measure: z.enum(MEASURES),
  field: z.string().optional().describe('For sum / avg / min / max: orders.total, order_lines.quantity or revenue, reviews.rating'),
  window: windowSchema.optional().describe('Which rows count; all of them when absent'),
  filter: behaviourFilter.optional(),
  op: z.string().describe('count / sum / avg / min / max: a number operator; first_at / last_at: a date operator'),
  value,
})

// ---- Products, predictions, other segments --------------------------------------------------------------

export const productCondition = z.strictObject({
  type: z.literal('product'),
  op: z.enum(SET_OPS).describe('bought any / all / none of them'),
  product_ids: z.array(id).min(1).max(200).optional(),
  categories: textList.optional(),
  window: windowSchema.optional(),
})

export const PREDICTION_FIELDS = {
  churn_score: 'number',
  churn_band: 'choice',
  clv: 'number',
  clv_band: 'choice',
  p_alive: 'number',
  expected_orders: 'number',
  rfm_segment: 'choice',
  cluster: 'choice',
  persona: 'choice',
  next_category: 'choice',
  next_category_probability: 'number',
  recommended_category: 'choice',
} as const
export type PredictionField = keyof typeof PREDICTION_FIELDS
export const BANDS = ['low', 'medium', 'high'] as const
/** CLV bands by percentile of the 12-month value: high the top 20 %, medium the next 30 %, low the rest. */
export const CLV_BAND_PERCENTILES = { high: 80, medium: 50 } as const

export const predictionCondition = z.strictObject({
  type: z.literal('prediction'),
  field: z.enum(Object.keys(PREDICTION_FIELDS) as [PredictionField, ...PredictionField[]]),
  op: z.string().describe('Number fields: a number operator; the others: is / is_not / in / not_in; both: is_set / is_not_set'),
  value,
  category: text.optional().describe('For next_category_probability: which category'),
})

export const segmentCondition = z.strictObject({
  type: z.literal('segment'),
  op: z.enum(['in', 'not_in']),
  segment_id: id,
})

// ---- The tree ------------------------------------------------------------------------------------------

export type SegmentLeaf =
  | z.infer<typeof profileCondition>
  | z.infer<typeof dateCondition>
  | z.infer<typeof tagCondition>
  | z.infer<typeof attributeCondition>
  | z.infer<typeof consentCondition>
  | z.infer<typeof behaviourCondition>
  | z.infer<typeof productCondition>
  | z.infer<typeof predictionCondition>
  | z.infer<typeof segmentCondition>
export type SegmentGroup = { type: 'all' | 'any'; conditions: SegmentNode[] } | { type: 'not'; condition: SegmentNode }
export type SegmentNode = SegmentGroup | SegmentLeaf

export const LEAF_TYPES = ['profile', 'date', 'tag', 'attribute', 'consent', 'behaviour', 'product', 'prediction', 'segment'] as const

const allAny = z.strictObject({
  type: z.enum(['all', 'any']),
  get conditions(): z.ZodArray<z.ZodType<SegmentNode>> {
    return z.array(segmentNode).min(1, 'a group needs at least one condition')
  },
})
const notGroup = z.strictObject({
  type: z.literal('not'),
  get condition(): z.ZodType<SegmentNode> {
    return segmentNode
  },
})

export const segmentNode: z.ZodType<SegmentNode> = z.discriminatedUnion('type', [
  allAny, notGroup, profileCondition, dateCondition, tagCondition, attributeCondition, consentCondition,
  behaviourCondition, productCondition, predictionCondition, segmentCondition,
]).superRefine(checkLeaf) as unknown as z.ZodType<SegmentNode>
// One component in the OpenAPI document, which the recursive parts refer to.
z.globalRegistry.add(segmentNode, { id: 'SegmentNode' })

/** What zod cannot say per field: which op takes which value, which filters and fields a source has. */
function checkLeaf(n: SegmentNode, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  switch (n.type) {
    case 'all':
    case 'any':
    case 'not':
    case 'tag':
    case 'consent':
    case 'segment':
      return
    case 'profile':
      return checkValue(n.op, n.value, 'text', issue)
    case 'date':
      return checkValue(n.op, n.value, 'date', issue)
    case 'attribute': {
      const kind = n.value_type === 'boolean' ? 'boolean' : n.value_type
      return checkValue(n.op, n.value, kind, issue)
    }
    case 'behaviour': {
      const dateMeasure = n.measure === 'first_at' || n.measure === 'last_at'
      if (n.measure === 'count' || dateMeasure) {
        if (n.field !== undefined) issue(['field'], `${n.measure} takes no field`)
      } else {
        const allowed = MEASURE_FIELDS[n.source]
        if (allowed.length === 0) issue(['measure'], `${n.source} have no numeric field to ${n.measure}: use count, first_at or last_at`)
        else if (n.field === undefined || !allowed.includes(n.field)) issue(['field'], `must be one of ${allowed.join(', ')} for ${n.measure} of ${n.source}`)
      }
      for (const key of Object.keys(n.filter ?? {})) {
        if (!FILTER_KEYS[n.source].includes(key)) issue(['filter', key], `${n.source} cannot be filtered by ${key}; they can by ${FILTER_KEYS[n.source].join(', ')}`)
      }
      if (dateMeasure && n.window !== undefined) issue(['window'], `${n.measure} is compared with a date operator, not counted in a window`)
      return checkValue(n.op, n.value, dateMeasure ? 'date' : 'number', issue)
    }
    case 'product':
      if ((n.product_ids === undefined) === (n.categories === undefined)) issue([], 'needs exactly one of product_ids, categories')
      return
    case 'prediction': {
      const kind = PREDICTION_FIELDS[n.field]
      if (n.field === 'next_category_probability' && n.category === undefined) issue(['category'], 'next_category_probability needs the category')
      if (n.field !== 'next_category_probability' && n.category !== undefined) issue(['category'], `${n.field} takes no category`)
      if ((n.field === 'churn_band' || n.field === 'clv_band') && n.value !== undefined) {
        for (const v of Array.isArray(n.value) ? n.value : [n.value]) {
          if (!(BANDS as readonly unknown[]).includes(v)) issue(['value'], `must be low, medium or high, not ${JSON.stringify(v)}`)
        }
      }
      return checkValue(n.op, n.value, kind, issue)
    }
  }
}

type ValueKind = 'text' | 'choice' | 'number' | 'boolean' | 'date'

function checkValue(op: string, v: unknown, kind: ValueKind, issue: (path: (string | number)[], m: string) => void): void {
  const ops: readonly string[] =
    kind === 'number' ? [...NUMBER_OPS, 'is_set', 'is_not_set']
    : kind === 'date' ? DATE_OPS
    : kind === 'boolean' ? ['is', 'is_not', 'is_set', 'is_not_set']
    : kind === 'choice' ? CHOICE_OPS
    : TEXT_OPS
  if (!ops.includes(op)) return issue(['op'], `must be one of ${ops.join(', ')}`)
  if (op === 'is_set' || op === 'is_not_set') {
    if (v !== undefined) issue(['value'], `${op} takes no value`)
    return
  }
  const scalarOk = (x: unknown) => (kind === 'number' ? typeof x === 'number' && Number.isFinite(x) : kind === 'boolean' ? typeof x === 'boolean' : typeof x === 'string' || (kind === 'choice' && typeof x === 'number'))
  const expected = kind === 'number' ? 'a number' : kind === 'boolean' ? 'true or false' : 'a text'
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(v) || v.length === 0 || v.length > 200) return issue(['value'], `${op} needs a list of 1 to 200 values`)
    v.forEach((x, i) => { if (!scalarOk(x)) issue(['value', i], `must be ${expected}`) })
    return
  }
  if (kind === 'date') {
    const relative = op === 'within_last' || op === 'within_next' || op === 'more_than_ago' || op === 'anniversary_within_next'
    if (relative) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_DAYS) issue(['value'], `${op} needs a whole number of days from 1 to ${MAX_DAYS}`)
    } else if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      issue(['value'], `${op} needs a date as YYYY-MM-DD`)
    }
    return
  }
  if (!scalarOk(v)) issue(['value'], `must be ${expected}`)
  else if (typeof v === 'string' && (v.length === 0 || v.length > 200 || v.includes('\u0000'))) issue(['value'], 'must be a text of 1 to 200 characters without NUL')
}

/** Depth and leaf count, checked before compiling (deeper or larger trees are refused as too expensive). */
export function treeSize(n: SegmentNode, depth = 1): { depth: number; leaves: number } {
  if (n.type === 'all' || n.type === 'any') {
    const kids = n.conditions.map((c) => treeSize(c, depth + 1))
    return { depth: Math.max(depth, ...kids.map((k) => k.depth)), leaves: kids.reduce((s, k) => s + k.leaves, 0) }
  }
  if (n.type === 'not') return treeSize(n.condition, depth + 1)
  return { depth, leaves: 1 }
}

/** JSON paths of the leaves, in document order ("$.conditions[1].conditions[0]"), with the leaf. */
export function leavesOf(n: SegmentNode, path = '$'): Array<{ path: string; leaf: SegmentLeaf }> {
  if (n.type === 'all' || n.type === 'any') return n.conditions.flatMap((c, i) => leavesOf(c, `${path}.conditions[${i}]`))
  if (n.type === 'not') return leavesOf(n.condition, `${path}.condition`)
  return [{ path, leaf: n as SegmentLeaf }]
}
