import {
  BOOLEAN_OPS, CHOICE_OPS, DATE_OPS, NUMBER_OPS, PREDICTION_FIELDS, SET_OPS, TEXT_OPS,
  type LeafValue, type SegmentLeaf,
} from './tree-types.ts'

/**
 * Which operators a condition offers and what value each takes, per the kind of thing compared (the same
 * rules as the server's checkValue in segment-tree.ts).
 */
export type ValueKind = 'text' | 'choice' | 'number' | 'boolean' | 'date' | 'set' | 'consent' | 'segment'

export function valueKindOf(leaf: SegmentLeaf): ValueKind {
  switch (leaf.type) {
    case 'profile':
      return 'text'
    case 'date':
      return 'date'
    case 'attribute':
      return leaf.value_type
    case 'behaviour':
      return leaf.measure === 'first_at' || leaf.measure === 'last_at' ? 'date' : 'number'
    case 'prediction':
      return PREDICTION_FIELDS[leaf.field]
    case 'tag':
    case 'product':
      return 'set'
    case 'consent':
      return 'consent'
    case 'segment':
      return 'segment'
  }
}

const SET = ['is_set', 'is_not_set'] as const

export function operatorsFor(kind: ValueKind): readonly string[] {
  switch (kind) {
    case 'number':
      return [...NUMBER_OPS, ...SET]
    case 'text':
      return TEXT_OPS
    case 'choice':
      return CHOICE_OPS
    case 'boolean':
      return BOOLEAN_OPS
    case 'date':
      return DATE_OPS
    case 'set':
      return SET_OPS
    case 'consent':
      return ['is', 'is_not']
    case 'segment':
      return ['in', 'not_in']
  }
}

/** The input a value needs: none, one text, a list, a number, a whole number of days, a date or yes/no. */
export type ValueInput = 'none' | 'text' | 'list' | 'number' | 'days' | 'date' | 'boolean'

export function valueInputFor(kind: ValueKind, op: string): ValueInput {
  if (op === 'is_set' || op === 'is_not_set') return 'none'
  if (kind === 'date') return op === 'before' || op === 'after' || op === 'on' ? 'date' : 'days'
  if (op === 'in' || op === 'not_in') return 'list'
  if (kind === 'number') return 'number'
  if (kind === 'boolean') return 'boolean'
  return 'text'
}

/**
 * The value carried over when the operator changes: kept when the new operator takes the same input, a
 * single value becomes a one-item list and back, and otherwise nothing (the person enters a new one).
 */
export function adaptValue(kind: ValueKind, fromOp: string, toOp: string, value: LeafValue): LeafValue {
  const from = valueInputFor(kind, fromOp)
  const to = valueInputFor(kind, toOp)
  if (to === 'none' || value === undefined) return undefined
  if (from === to) return value
  if (to === 'list') return from === 'text' || from === 'number' ? (typeof value === 'boolean' || Array.isArray(value) ? undefined : [value]) : undefined
  if (from === 'list' && Array.isArray(value)) {
    const first = value[0]
    return to === 'text' && first !== undefined ? String(first) : undefined
  }
  return undefined
}

/** A leaf with another operator, its value adapted (see adaptValue). */
export function withOperator(leaf: SegmentLeaf, op: string): SegmentLeaf {
  const kind = valueKindOf(leaf)
  if (leaf.type === 'tag' || leaf.type === 'product' || leaf.type === 'consent' || leaf.type === 'segment') return { ...leaf, op } as SegmentLeaf
  const value = adaptValue(kind, leaf.op, op, leaf.value)
  const { value: _old, ...rest } = leaf
  return (value === undefined ? { ...rest, op } : { ...rest, op, value }) as SegmentLeaf
}
