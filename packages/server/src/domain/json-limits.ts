import { textProblem } from './text-rules.ts'

/** Deepest nesting accepted in a JSON attribute bag (the bag itself is level 1). */
export const JSON_MAX_DEPTH = 32
/** Largest JSON attribute bag accepted, in bytes of its UTF-8 serialisation. */
export const JSON_MAX_BYTES = 64 * 1024

export interface JsonProblem {
  /** Keys and indexes from the bag down to the bad value (empty for the bag as a whole). */
  path: Array<string | number>
  reason: string
}

/**
 * Checks a parsed JSON value before anything recursive touches it: nesting at most JSON_MAX_DEPTH levels,
 * finite numbers (`1e400` parses to Infinity, which JSON.stringify would silently write as null), keys and
 * strings the database can store (see textProblem), and at most JSON_MAX_BYTES once serialised.
 *
 * Iterative (an explicit stack), so a value nested 100,000 levels deep is refused instead of overflowing
 * the call stack; it stops at the first problem and after JSON_MAX_BYTES nodes, so its cost is bounded
 * whatever the input. Cost: O(nodes) plus one JSON.stringify of values that pass.
 */
export function jsonProblem(value: unknown): JsonProblem | undefined {
  // Nodes carry their parent and key instead of a path, so a path is only built for the one bad value.
  const stack: Node[] = [{ v: value, depth: 1, parent: undefined, key: '' }]
  let nodes = 0
  while (stack.length > 0) {
    const node = stack.pop() as Node
    const v = node.v
    // Each node takes at least one byte of the serialisation, so this many nodes is already too large.
    if (++nodes > JSON_MAX_BYTES) return tooLarge()
    if (typeof v === 'string') {
      const reason = textProblem(v)
      if (reason !== undefined) return { path: pathOf(node), reason }
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path: pathOf(node), reason: 'is a number out of range (JSON numbers must be finite)' }
    } else if (v !== null && typeof v === 'object') {
      if (node.depth > JSON_MAX_DEPTH) return { path: [], reason: `is nested more than ${JSON_MAX_DEPTH} levels deep` }
      const depth = node.depth + 1
      if (Array.isArray(v)) {
        if (v.length > JSON_MAX_BYTES) return tooLarge()
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth, parent: node, key: i })
      } else {
        const keys = Object.keys(v)
        if (keys.length > JSON_MAX_BYTES) return tooLarge()
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string
          const child: Node = { v: (v as Record<string, unknown>)[k], depth, parent: node, key: k }
          const reason = textProblem(k)
          if (reason !== undefined) return { path: pathOf(child), reason: `has a key that ${reason}` }
          stack.push(child)
        }
      }
    } else if (typeof v !== 'boolean' && v !== null && v !== undefined) {
      return { path: pathOf(node), reason: `is not a JSON value (${typeof v})` }
    }
  }
  // Depth is bounded now, so the (recursive) serialiser is safe to call.
  if (Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') > JSON_MAX_BYTES) return tooLarge()
  return undefined
}

interface Node {
  v: unknown
  depth: number
  parent: Node | undefined
  key: string | number
}

function pathOf(node: Node): Array<string | number> {
  const path: Array<string | number> = []
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) path.push(n.key)
  return path.reverse()
}

function tooLarge(): JsonProblem {
  return { path: [], reason: `is larger than ${JSON_MAX_BYTES / 1024} KiB as JSON` }
}
