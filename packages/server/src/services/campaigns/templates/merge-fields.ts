/**
 * The merge fields a campaign template may use: everything a template reads from its recipient is on this
 * list, so a typo (`customer.nmae`) is refused when the template is saved instead of rendering as nothing
 * for 100k people. merge-context.ts fills exactly these fields (the MergeContext type below).
 */

/** What a field holds: a value (text, number, date), an object of named fields, or a list of items. */
export type FieldShape =
  | { kind: 'value'; description: string }
  | { kind: 'object'; description: string; fields: Record<string, FieldShape> }
  | { kind: 'list'; description: string; item: FieldShape }

const value = (description: string): FieldShape => ({ kind: 'value', description })
const object = (description: string, fields: Record<string, FieldShape>): FieldShape => ({ kind: 'object', description, fields })

/** One recommended product: what `p` is in `{% for p in recommendations %}`. */
export const RECOMMENDATION_ITEM = object('a recommended product', {
  name: value('product name'),
  category: value('product category, or empty'),
  price: value('price as a number, or empty (format it with a filter, e.g. | round: 2)'),
  currency: value('ISO currency code of the price, or empty'),
  url: value('link to the product page'),
  image_url: value('link to the product image, or empty'),
})

export const MERGE_FIELDS = object('the recipient and the workspace', {
  customer: object('the recipient', {
    name: value('full name as stored'),
    first_name: value('first name (the stored attribute first_name, else the first word of a Western name, else the whole name)'),
    email: value('e-mail address'),
    city: value('city'),
    country: value('ISO country code'),
  }),
  last_order: object('the latest order that was not cancelled; empty for a customer without orders', {
    date: value('order date, YYYY-MM-DD (UTC)'),
    total: value('order total as a number'),
    currency: value('ISO currency code of the order'),
  }),
  clv_band: value('customer lifetime value band from the active CLV model'),
  churn_band: value('churn risk band from the active churn model'),
  persona: value('persona (cluster label) from the active segmentation model'),
  rfm_segment: value('RFM segment'),
  recommendations: { kind: 'list', description: 'recommended products, best first: loop over them, e.g. {% for p in recommendations limit: 3 %}', item: RECOMMENDATION_ITEM },
  unsubscribe_url: value('the recipient\'s unsubscribe link (every marketing e-mail must show it)'),
  view_url: value('link to view this message in a browser'),
  workspace: object('the sending workspace', { name: value('workspace name') }),
})

const forloopFields: Record<string, FieldShape> = {
  index: value('1-based position'),
  index0: value('0-based position'),
  rindex: value('positions left, counting this one'),
  rindex0: value('positions left after this one'),
  first: value('true on the first pass'),
  last: value('true on the last pass'),
  length: value('number of passes'),
  name: value('the loop\'s name'),
}
const forloop = object('the state of the enclosing for loop', forloopFields)
// A nested loop reaches the enclosing loop's state through forloop.parentloop.
forloopFields.parentloop = forloop

/** The loop objects Liquid's loop tags provide inside their bodies. */
export const LOOP_OBJECTS = {
  forloop,
  tablerowloop: object('the state of the enclosing tablerow', {
    ...forloopFields,
    col: value('1-based column'),
    col0: value('0-based column'),
    col_first: value('true in the first column'),
    col_last: value('true in the last column'),
    row: value('1-based row'),
  }),
} as const

/** A variable path as liquidjs's static analysis gives it: names, indexes, and nested paths for `a[b.c]`. */
export type PathSegments = Array<string | number | PathSegments>

/**
 * True when `segments`, read from `shape`, name something that exists. Lists take an index (literal or
 * computed), `first`, `last` or `size`; values and lists also take `size` (Liquid's length), and nothing
 * goes after a value.
 */
export function isKnownPath(shape: FieldShape, segments: PathSegments): boolean {
  let at: FieldShape | 'size' = shape
  for (const seg of segments) {
    if (at === 'size') return false
    if (seg === 'size' && at.kind !== 'object') {
      at = 'size'
      continue
    }
    switch (at.kind) {
      case 'value':
        return false
      case 'object': {
        const next: FieldShape | undefined = typeof seg === 'string' && Object.hasOwn(at.fields, seg) ? at.fields[seg] : undefined
        if (next === undefined) return false
        at = next
        break
      }
      case 'list':
        if (typeof seg === 'string' && seg !== 'first' && seg !== 'last') return false
        at = at.item
        break
    }
  }
  return true
}

/** Every field as `path — description`, for an editor's field picker and the docs (loop items as `recommendations[].name`). */
export function listMergeFields(shape: FieldShape = MERGE_FIELDS, prefix = ''): Array<{ path: string; description: string }> {
  switch (shape.kind) {
    case 'value':
      return [{ path: prefix, description: shape.description }]
    case 'list':
      return [{ path: prefix, description: shape.description }, ...listMergeFields(shape.item, `${prefix}[]`)]
    case 'object':
      return Object.entries(shape.fields).flatMap(([name, f]) => listMergeFields(f, prefix === '' ? name : `${prefix}.${name}`))
  }
}

export interface RecommendationContext {
  name: string
  category: string | null
  price: number | null
  currency: string | null
  url: string
  image_url: string | null
}

/** What a template renders against: the fields of MERGE_FIELDS (null renders as nothing). */
export interface MergeContext {
  customer: { name: string | null; first_name: string | null; email: string | null; city: string | null; country: string | null }
  last_order: { date: string; total: number; currency: string | null } | null
  clv_band: string | null
  churn_band: string | null
  persona: string | null
  rfm_segment: string | null
  recommendations: RecommendationContext[]
  unsubscribe_url: string
  view_url: string
  workspace: { name: string }
}
