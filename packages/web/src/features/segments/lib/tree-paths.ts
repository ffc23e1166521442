import type { SegmentLeaf, SegmentNode } from './tree-types.ts'

/**
 * Where a node sits in the tree. The API names nodes by JSON path — `$.conditions[0].conditions[1]`, a
 * `not` group's child as `.condition` — in preview counts and `why` answers, and validation errors name
 * them under the body's `tree` (`tree.conditions[1].window.last_days`). The builder computes the same path
 * for each node it draws, so a count or an error lands next to the condition it is about.
 */
export type Step = number | 'condition'
export type TreePath = readonly Step[]

export const ROOT: TreePath = []

export function pathString(path: TreePath): string {
  return `$${path.map((s) => (s === 'condition' ? '.condition' : `.conditions[${s}]`)).join('')}`
}

export const childPath = (path: TreePath, step: Step): TreePath => [...path, step]

/** Every node with its path, in document order (the root first). */
export function nodesOf(tree: SegmentNode, path: TreePath = ROOT): Array<{ path: TreePath; node: SegmentNode }> {
  const here = { path, node: tree }
  if (tree.type === 'all' || tree.type === 'any') return [here, ...tree.conditions.flatMap((c, i) => nodesOf(c, childPath(path, i)))]
  if (tree.type === 'not') return [here, ...nodesOf(tree.condition, childPath(path, 'condition'))]
  return [here]
}

/** The leaves with their paths, in document order: the order of the API's per-condition counts. */
export function leavesOf(tree: SegmentNode): Array<{ path: TreePath; leaf: SegmentLeaf }> {
  return nodesOf(tree).flatMap(({ path, node }) => (node.type === 'all' || node.type === 'any' || node.type === 'not' ? [] : [{ path, leaf: node }]))
}

type Token = string | number

/** `tree.conditions[1].window`, `body.tree.conditions.1.window`, `/tree/conditions/1` or an array → tokens. */
function tokens(raw: unknown): Token[] {
  const parts: unknown[] = Array.isArray(raw) ? raw : String(raw ?? '').replace(/\[(\d+)\]/g, '.$1').split(/[./]/)
  return parts
    .filter((p) => p !== '' && p !== undefined && p !== null)
    .map((p) => (typeof p === 'number' ? p : /^\d+$/.test(String(p)) ? Number(p) : String(p)))
}

export interface Located {
  /** The deepest node of `tree` the path reaches. */
  node: TreePath
  /** What remains below that node, e.g. `window.last_days` (empty when the path is the node itself). */
  rest: string
}

/**
 * Finds the node of `tree` a path names, whether it is a node path (`$.conditions[0]`) or a body path
 * (`tree.conditions[0].value`). Undefined when the path is not about the tree (e.g. `name`).
 */
export function locate(tree: SegmentNode, raw: unknown): Located | undefined {
  const all = tokens(raw)
  const start = all[0] === 'body' ? 1 : 0
  if (all[start] !== '$' && all[start] !== 'tree') return undefined
  const t = all.slice(start + 1)
  const path: Step[] = []
  let node: SegmentNode | undefined = tree
  for (;;) {
    if (node && (node.type === 'all' || node.type === 'any') && t[0] === 'conditions' && typeof t[1] === 'number' && t[1] < node.conditions.length) {
      path.push(t[1])
      node = node.conditions[t[1]]
      t.splice(0, 2)
    } else if (node?.type === 'not' && t[0] === 'condition') {
      path.push('condition')
      node = node.condition
      t.shift()
    } else break
  }
  return { node: path, rest: t.join('.') }
}

/** The path string of the node a path names (see locate), or undefined. */
export function nodeKey(tree: SegmentNode, raw: unknown): string | undefined {
  const l = locate(tree, raw)
  return l ? pathString(l.node) : undefined
}
