import { CLV_BAND_PERCENTILES, PREDICTION_FIELDS, type SegmentLeaf } from '../../../domain/segment-tree.ts'
import { choiceTest, dateTest, numberTest, textTest } from './operators-sql.ts'
import { SegmentSql as S, type SegmentSql } from './segment-sql.ts'

type Leaf<T extends SegmentLeaf['type']> = Extract<SegmentLeaf, { type: T }>
export interface LeafSql {
  /** A boolean SQL expression over `t` (and the joins it asked for). */
  test: string
  /** The value the test looked at, for "why" (any SQL type; read back as text). */
  actual: string
}

// The allow-lists: a tree names a field, this maps it to the only SQL it can mean.
const PROFILE_COLUMNS: Record<Leaf<'profile'>['field'], string> = {
  external_id: 't.external_id', name: 't.name', email: 't.email', phone: 't.phone', city: 't.city', region: 't.region', country: 't.country', gender: 't.gender',
}
const DATE_COLUMNS: Record<Leaf<'date'>['field'], { expr: string; kind: 'instant' | 'date' }> = {
  signup_at: { expr: 't.signup_at', kind: 'instant' }, created_at: { expr: 't.created_at', kind: 'instant' }, birth_date: { expr: 't.birth_date', kind: 'date' },
}

export function profileLeaf(b: SegmentSql, leaf: Leaf<'profile'>): LeafSql {
  const expr = PROFILE_COLUMNS[leaf.field]
  return { test: textTest(b, expr, leaf.op, leaf.value), actual: expr }
}

export function dateLeaf(b: SegmentSql, leaf: Leaf<'date'>): LeafSql {
  const c = DATE_COLUMNS[leaf.field]
  return { test: dateTest(b, c.expr, c.kind, leaf.op, leaf.value), actual: c.expr }
}

export function tagLeaf(b: SegmentSql, leaf: Leaf<'tag'>): LeafSql {
  const tags = b.texts(leaf.value)
  const test = leaf.op === 'any' ? `t.tags && ${tags}` : leaf.op === 'all' ? `t.tags @> ${tags}` : `NOT (t.tags && ${tags})`
  return { test, actual: `array_to_string(t.tags, ', ')` }
}

export function attributeLeaf(b: SegmentSql, leaf: Leaf<'attribute'>): LeafSql {
  const at = `(t.attributes #> ${b.texts(leaf.path.split('.'))})`
  // A value of another JSON type reads as missing (no match), never as an error.
  const typed =
    leaf.value_type === 'number' ? `(CASE WHEN jsonb_typeof(${at}) = 'number' THEN (${at})::numeric END)`
    : leaf.value_type === 'boolean' ? `(CASE WHEN jsonb_typeof(${at}) = 'boolean' THEN (${at})::boolean END)`
    : leaf.value_type === 'date' ? `(CASE WHEN jsonb_typeof(${at}) = 'string' THEN rapport_try_date(${at} #>> '{}') END)`
    : `(CASE WHEN jsonb_typeof(${at}) = 'string' THEN ${at} #>> '{}' END)`
  const test =
    leaf.value_type === 'number' ? numberTest(b, typed, leaf.op, leaf.value)
    : leaf.value_type === 'date' ? dateTest(b, typed, 'date', leaf.op, leaf.value)
    : leaf.value_type === 'boolean' ? booleanTest(b, typed, leaf.op, leaf.value)
    : textTest(b, typed, leaf.op, leaf.value)
  return { test, actual: typed }
}

function booleanTest(b: SegmentSql, expr: string, op: string, value: unknown): string {
  if (op === 'is_set') return `${expr} IS NOT NULL`
  if (op === 'is_not_set') return `${expr} IS NULL`
  const eq = `${expr} = ${b.param(Boolean(value))}::boolean`
  return op === 'is' ? eq : `NOT coalesce(${eq}, false)`
}

/**
 * The latest consent row of the channel and purpose recorded by the evaluation instant; a revocation and
 * a grant at the same instant count as revoked (as for profiling, features/store/eligibility-sql.ts).
 */
export function consentLeaf(b: SegmentSql, leaf: Leaf<'consent'>): LeafSql {
  const alias = b.join(JSON.stringify(['consent', leaf.channel, leaf.purpose]), () => ({
    kind: 'latest', value: 'x.status', from: 'consents x', customer: 'x.customer_id',
    where: [`x.workspace_id = ${S.WS}`, `x.channel = ${b.text(leaf.channel)}`, `x.purpose = ${b.text(leaf.purpose)}`, `x.recorded_at <= ${b.now}`],
    orderBy: `x.recorded_at DESC, (x.status = 'revoked') DESC, x.id DESC`,
  }))
  const state = `coalesce(${alias}.v, 'unknown')`
  const eq = `${state} = ${b.text(leaf.value)}`
  return { test: leaf.op === 'is' ? eq : `NOT (${eq})`, actual: state }
}

const pAliveOf = (s: string) => `(CASE WHEN jsonb_typeof(${s}.details->'p_alive') = 'number' THEN (${s}.details->>'p_alive')::float8 END)`

/** Stored results of the active models (customer_scores, one row per kind and customer). */
export function predictionLeaf(b: SegmentSql, leaf: Leaf<'prediction'>): LeafSql {
  const kind = PREDICTION_FIELDS[leaf.field]
  let expr: string
  let numericChoice = false
  switch (leaf.field) {
    case 'churn_score': expr = `${b.scores('churn')}.score`; break
    case 'churn_band': expr = `${b.scores('churn')}.band`; break
    case 'clv': expr = `${b.scores('clv')}.score`; break
    case 'clv_band': {
      const s = b.scores('clv')
      expr = `(CASE WHEN ${s}.percentile >= ${CLV_BAND_PERCENTILES.high} THEN 'high' WHEN ${s}.percentile >= ${CLV_BAND_PERCENTILES.medium} THEN 'medium' WHEN ${s}.percentile IS NOT NULL THEN 'low' END)`
      break
    }
    case 'p_alive': expr = pAliveOf(b.scores('clv')); break
    case 'expected_orders': {
      const s = b.scores('clv')
      expr = `(CASE WHEN jsonb_typeof(${s}.details->'expected_orders') = 'number' THEN (${s}.details->>'expected_orders')::float8 END)`
      break
    }
    case 'rfm_segment': expr = `${b.scores('rfm')}.label`; break
    case 'cluster': {
      const s = b.scores('cluster')
      expr = `(CASE WHEN jsonb_typeof(${s}.details->'cluster') = 'number' THEN (${s}.details->>'cluster')::float8 END)`
      numericChoice = true
      break
    }
    case 'persona': expr = `${b.scores('cluster')}.label`; break
    case 'next_category': expr = `${b.scores('next_category')}.label`; break
    case 'next_category_probability': {
      const s = b.scores('next_category')
      const p = `${s}.details->'probabilities'->${b.text(leaf.category as string)}`
      expr = `(CASE WHEN jsonb_typeof(${p}) = 'number' THEN (${p})::float8 END)`
      break
    }
    case 'recommended_category': {
      const alias = b.join('recommended_category', () => ({
        kind: 'aggregate', value: 'array_agg(DISTINCT lower(p.category))', customer: 'r.customer_id',
        from: `customer_recommendations r JOIN products p ON p.workspace_id = ${S.WS} AND p.id = r.product_id`,
        where: [`r.workspace_id = ${S.WS}`, 'p.category IS NOT NULL'],
      }))
      return { test: recommendedTest(b, `${alias}.v`, leaf.op, leaf.value), actual: `array_to_string(${alias}.v, ', ')` }
    }
  }
  const test = kind === 'number' ? numberTest(b, expr, leaf.op, leaf.value) : choiceTest(b, expr, numericChoice, leaf.op, leaf.value)
  return { test, actual: expr }
}

/** Any of the customer's recommended products is in the category (is / in), or none is (is_not / not_in). */
function recommendedTest(b: SegmentSql, cats: string, op: string, value: unknown): string {
  if (op === 'is_set') return `${cats} IS NOT NULL`
  if (op === 'is_not_set') return `${cats} IS NULL`
  const wanted = b.texts((Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase()))
  const hit = `coalesce(${cats} && ${wanted}, false)`
  return op === 'is' || op === 'in' ? hit : `NOT ${hit}`
}
