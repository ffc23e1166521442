import {
  BANDS, BEHAVIOUR_SOURCES, CONSENT_CHANNELS, PREDICTION_FIELD_NAMES, PROFILE_DATE_FIELDS, PROFILE_TEXT_FIELDS,
  type BehaviourSource, type PredictionField, type SegmentLeaf,
} from './tree-types.ts'

/**
 * The builder's field picker: every kind of condition the tree has, grouped as the person thinks of them
 * (Profile, Behaviour, Predictions, Consent, Products, Other segments). A field key names one entry; picking
 * it starts a condition of that kind with a sensible first operator.
 */
export type FieldKey =
  | `profile:${(typeof PROFILE_TEXT_FIELDS)[number]}`
  | `date:${(typeof PROFILE_DATE_FIELDS)[number]}`
  | 'tag'
  | 'attribute'
  | `behaviour:${BehaviourSource}`
  | `prediction:${PredictionField}`
  | `consent:${(typeof CONSENT_CHANNELS)[number]}`
  | 'product'
  | 'segment'

export const FIELD_GROUPS = ['profile', 'behaviour', 'predictions', 'consent', 'products', 'segments'] as const
export type FieldGroup = (typeof FIELD_GROUPS)[number]

export const FIELDS_BY_GROUP: Record<FieldGroup, readonly FieldKey[]> = {
  profile: [...PROFILE_TEXT_FIELDS.map((f) => `profile:${f}` as const), ...PROFILE_DATE_FIELDS.map((f) => `date:${f}` as const), 'tag', 'attribute'],
  behaviour: BEHAVIOUR_SOURCES.map((s) => `behaviour:${s}` as const),
  predictions: PREDICTION_FIELD_NAMES.map((f) => `prediction:${f}` as const),
  consent: CONSENT_CHANNELS.map((c) => `consent:${c}` as const),
  products: ['product'],
  segments: ['segment'],
}

export const ALL_FIELDS: readonly FieldKey[] = FIELD_GROUPS.flatMap((g) => FIELDS_BY_GROUP[g])

export function fieldKeyOf(leaf: SegmentLeaf): FieldKey {
  switch (leaf.type) {
    case 'profile':
      return `profile:${leaf.field}`
    case 'date':
      return `date:${leaf.field}`
    case 'behaviour':
      return `behaviour:${leaf.source}`
    case 'prediction':
      return `prediction:${leaf.field}`
    case 'consent':
      return `consent:${leaf.channel}`
    case 'tag':
    case 'attribute':
    case 'product':
    case 'segment':
      return leaf.type
  }
}

const PROBABILITY_FIELDS: ReadonlySet<string> = new Set(['churn_score', 'p_alive', 'next_category_probability'])

/** A new condition for a field: complete where a default makes sense, else waiting for its value. */
export function templateFor(key: FieldKey): SegmentLeaf {
  const [kind, name = ''] = key.split(':') as [string, string | undefined]
  switch (kind) {
    case 'profile':
      return { type: 'profile', field: name as SegmentLeafField<'profile'>, op: 'is' }
    case 'date':
      return { type: 'date', field: name as SegmentLeafField<'date'>, op: 'within_last', value: 30 }
    case 'tag':
      return { type: 'tag', op: 'any', value: [] }
    case 'attribute':
      return { type: 'attribute', path: '', value_type: 'text', op: 'is' }
    case 'behaviour': {
      const source = name as BehaviourSource
      // Dates have no count window; every source can be counted.
      return { type: 'behaviour', source, measure: 'count', window: { last_days: 90 }, op: '>=', value: 1 }
    }
    case 'prediction': {
      const field = name as PredictionField
      if (field === 'churn_band' || field === 'clv_band') return { type: 'prediction', field, op: 'is', value: 'high' }
      if (PROBABILITY_FIELDS.has(field)) return { type: 'prediction', field, op: '>=', value: 0.5, ...(field === 'next_category_probability' && { category: '' }) }
      return { type: 'prediction', field, op: field === 'clv' || field === 'expected_orders' ? '>=' : 'is' }
    }
    case 'consent':
      return { type: 'consent', channel: name as 'email' | 'sms', purpose: 'marketing', op: 'is', value: 'granted' }
    case 'product':
      return { type: 'product', op: 'any', categories: [] }
    default:
      return { type: 'segment', op: 'in', segment_id: 0 }
  }
}

type SegmentLeafField<T extends 'profile' | 'date'> = Extract<SegmentLeaf, { type: T }>['field']

/** The first condition of a new segment and of every "add condition". */
export const defaultLeaf = (): SegmentLeaf => templateFor('profile:city')

/** The closed list of values a choice field takes, when it has one (the CLV and churn bands). */
export function choicesOf(leaf: SegmentLeaf): readonly string[] | undefined {
  return leaf.type === 'prediction' && (leaf.field === 'churn_band' || leaf.field === 'clv_band') ? BANDS : undefined
}
