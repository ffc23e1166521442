/**
 * The segment tree as the dashboard edits it: the same shape as the server's SegmentNode
 * (packages/server/src/domain/segment-tree.ts; component `SegmentNode` of /api/openapi.json), with the
 * closed lists the builder offers. The server validates every tree again; these lists only decide what the
 * pickers show, so keep them in step with segment-tree.ts.
 */

export const MAX_DAYS = 11_000

export const NUMBER_OPS = ['>=', '>', '<=', '<', '=', '!='] as const
export const TEXT_OPS = ['is', 'is_not', 'in', 'not_in', 'contains', 'starts_with', 'is_set', 'is_not_set'] as const
export const CHOICE_OPS = ['is', 'is_not', 'in', 'not_in', 'is_set', 'is_not_set'] as const
export const DATE_OPS = ['before', 'after', 'on', 'within_last', 'within_next', 'more_than_ago', 'anniversary_within_next', 'is_set', 'is_not_set'] as const
export const BOOLEAN_OPS = ['is', 'is_not', 'is_set', 'is_not_set'] as const
export const SET_OPS = ['any', 'all', 'none'] as const

export const PROFILE_TEXT_FIELDS = ['external_id', 'name', 'email', 'phone', 'city', 'region', 'country', 'gender'] as const
export const PROFILE_DATE_FIELDS = ['signup_at', 'birth_date', 'created_at'] as const
export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'date'] as const
export const CONSENT_CHANNELS = ['email', 'sms'] as const
export const CONSENT_STATES = ['granted', 'revoked', 'unknown'] as const

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

export const FILTER_KEYS = ['status', 'channel', 'category', 'product_ids', 'event_type', 'priority', 'sentiment'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
/** Row filters each source accepts. */
export const SOURCE_FILTERS: Record<BehaviourSource, readonly FilterKey[]> = {
  orders: ['status', 'channel'],
  order_lines: ['status', 'channel', 'category', 'product_ids'],
  events: ['event_type', 'category', 'product_ids'],
  reviews: ['category', 'product_ids', 'sentiment'],
  tickets: ['status', 'channel', 'priority', 'sentiment'],
}
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const

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
export const PREDICTION_FIELD_NAMES = Object.keys(PREDICTION_FIELDS) as PredictionField[]
export const BANDS = ['low', 'medium', 'high'] as const

export type LeafValue = string | number | boolean | Array<string | number> | undefined

export interface SegmentWindow {
  last_days?: number
  days_ago_from?: number
  days_ago_to?: number
  since?: string
}

export type BehaviourFilter = Partial<Record<Exclude<FilterKey, 'product_ids' | 'sentiment'>, string[]>> & {
  product_ids?: number[]
  sentiment?: Array<(typeof SENTIMENTS)[number]>
}

export interface ProfileLeaf { type: 'profile'; field: (typeof PROFILE_TEXT_FIELDS)[number]; op: (typeof TEXT_OPS)[number]; value?: LeafValue }
export interface DateLeaf { type: 'date'; field: (typeof PROFILE_DATE_FIELDS)[number]; op: (typeof DATE_OPS)[number]; value?: LeafValue }
export interface TagLeaf { type: 'tag'; op: (typeof SET_OPS)[number]; value: string[] }
export interface AttributeLeaf { type: 'attribute'; path: string; value_type: (typeof ATTRIBUTE_TYPES)[number]; op: string; value?: LeafValue }
export interface ConsentLeaf { type: 'consent'; channel: (typeof CONSENT_CHANNELS)[number]; purpose: string; op: 'is' | 'is_not'; value: (typeof CONSENT_STATES)[number] }
export interface BehaviourLeaf {
  type: 'behaviour'
  source: BehaviourSource
  measure: Measure
  field?: string
  window?: SegmentWindow
  filter?: BehaviourFilter
  op: string
  value?: LeafValue
}
export interface ProductLeaf { type: 'product'; op: (typeof SET_OPS)[number]; product_ids?: number[]; categories?: string[]; window?: SegmentWindow }
export interface PredictionLeaf { type: 'prediction'; field: PredictionField; op: string; value?: LeafValue; category?: string }
export interface SegmentRefLeaf { type: 'segment'; op: 'in' | 'not_in'; segment_id: number }

export type SegmentLeaf = ProfileLeaf | DateLeaf | TagLeaf | AttributeLeaf | ConsentLeaf | BehaviourLeaf | ProductLeaf | PredictionLeaf | SegmentRefLeaf
export type GroupType = 'all' | 'any' | 'not'
export type SegmentGroup = { type: 'all'; conditions: SegmentNode[] } | { type: 'any'; conditions: SegmentNode[] } | { type: 'not'; condition: SegmentNode }
export type SegmentNode = SegmentGroup | SegmentLeaf


/** A dynamic segment's refresh interval, in hours (segment-input.ts); none: only on demand. */
export const REFRESH_INTERVALS = [1, 2, 3, 4, 6, 8, 12, 24] as const
