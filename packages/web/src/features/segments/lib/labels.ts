import type { FieldKey } from './fields.ts'
import type { ValueKind } from './operators.ts'

/**
 * The words for the tree's closed lists, from the `segments` namespace. Symbolic operators get names for
 * their keys (`>=` → `gte`), and an operator whose meaning depends on what it compares (`any` of tags is
 * "include any of", of products "bought any of") has a wording per kind with a general fallback.
 */
export type Translate = (key: string | string[], options?: Record<string, unknown>) => string

const OP_KEYS: Record<string, string> = { '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt', '=': 'eq', '!=': 'ne' }

export const opKey = (op: string): string => OP_KEYS[op] ?? op

export type OpContext = ValueKind | 'tag' | 'product'

export const opLabel = (t: Translate, kind: OpContext, op: string): string => t([`ops.${kind}.${opKey(op)}`, `ops.any.${opKey(op)}`])

export const fieldLabel = (t: Translate, key: FieldKey): string => t(`fields.${key.replace(':', '.')}`)

/** The unit after a number of days, which depends on the operator ("days" / "days ago"). */
export const daysUnit = (t: Translate, op: string): string => t([`daysUnit.${op}`, 'daysUnit.default'])
