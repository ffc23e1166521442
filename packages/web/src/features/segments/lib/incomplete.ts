import { valueInputFor, valueKindOf } from './operators.ts'
import { nodesOf, pathString } from './tree-paths.ts'
import type { LeafValue, SegmentNode, SegmentWindow } from './tree-types.ts'

/**
 * What the person has not filled in yet, per node path: the builder marks those nodes and does not ask
 * the server for a preview of a half-written tree (the server would only say the same in English). Every
 * other rule is the server's: its validation errors are shown at the node they name.
 */
export type Missing = 'emptyGroup' | 'value' | 'path' | 'products' | 'segment' | 'category' | 'window'

const filledText = (v: unknown) => typeof v === 'string' && v.trim() !== ''

function valueFilled(input: ReturnType<typeof valueInputFor>, v: LeafValue): boolean {
  switch (input) {
    case 'none':
      return true
    case 'text':
    case 'date':
      return filledText(v)
    case 'list':
      return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' || filledText(x))
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'days':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1
    case 'boolean':
      return typeof v === 'boolean'
  }
}

/** A window is complete when exactly one of its forms is fully given. */
export function windowFilled(w: SegmentWindow | undefined): boolean {
  if (w === undefined) return true
  const forms = [w.last_days !== undefined, w.days_ago_from !== undefined || w.days_ago_to !== undefined, w.since !== undefined].filter(Boolean).length
  if (forms !== 1) return false
  if (w.days_ago_from !== undefined || w.days_ago_to !== undefined) return w.days_ago_from !== undefined && w.days_ago_to !== undefined
  return w.since === undefined || filledText(w.since)
}

export function missingOf(node: SegmentNode): Missing[] {
  const out: Missing[] = []
  switch (node.type) {
    case 'all':
    case 'any':
      if (node.conditions.length === 0) out.push('emptyGroup')
      break
    case 'not':
      break
    case 'tag':
      if (node.value.length === 0) out.push('value')
      break
    case 'consent':
      break
    case 'segment':
      if (!(node.segment_id > 0)) out.push('segment')
      break
    case 'product':
      if (!(node.categories?.length ?? node.product_ids?.length)) out.push('products')
      if (!windowFilled(node.window)) out.push('window')
      break
    case 'attribute':
      if (node.path.trim() === '') out.push('path')
      if (!valueFilled(valueInputFor(valueKindOf(node), node.op), node.value)) out.push('value')
      break
    case 'behaviour':
      if (!windowFilled(node.window)) out.push('window')
      if (!valueFilled(valueInputFor(valueKindOf(node), node.op), node.value)) out.push('value')
      break
    case 'prediction':
      if (node.field === 'next_category_probability' && !filledText(node.category)) out.push('category')
      if (!valueFilled(valueInputFor(valueKindOf(node), node.op), node.value)) out.push('value')
      break
    case 'profile':
    case 'date':
      if (!valueFilled(valueInputFor(valueKindOf(node), node.op), node.value)) out.push('value')
      break
  }
  return out
}

/** Node path → what it misses, for every node that misses something (empty when the tree is complete). */
export function missingByPath(tree: SegmentNode): Map<string, Missing[]> {
  const out = new Map<string, Missing[]>()
  for (const { path, node } of nodesOf(tree)) {
    const m = missingOf(node)
    if (m.length > 0) out.set(pathString(path), m)
  }
  return out
}
