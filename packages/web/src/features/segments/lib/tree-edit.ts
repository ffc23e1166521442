import type { GroupType, SegmentNode } from './tree-types.ts'
import type { Step, TreePath } from './tree-paths.ts'

/**
 * The builder's edits, each a pure function from a tree to a new tree (the old one is never changed, so
 * React sees every edit and undo is trivial). Paths are the ones of tree-paths.ts.
 */

/** An empty root: what is left when everything is removed (the server refuses it until a condition is added). */
export const emptyTree = (): SegmentNode => ({ type: 'all', conditions: [] })

export function getAt(tree: SegmentNode, path: TreePath): SegmentNode | undefined {
  let node: SegmentNode | undefined = tree
  for (const step of path) {
    if (!node) return undefined
    node = child(node, step)
  }
  return node
}

function child(node: SegmentNode, step: Step): SegmentNode | undefined {
  if (step === 'condition') return node.type === 'not' ? node.condition : undefined
  return node.type === 'all' || node.type === 'any' ? node.conditions[step] : undefined
}

/** The tree with the node at `path` replaced by `next` (unchanged when the path leads nowhere). */
export function replaceAt(tree: SegmentNode, path: TreePath, next: SegmentNode): SegmentNode {
  const [step, ...rest] = path
  if (step === undefined) return next
  if (step === 'condition') {
    return tree.type === 'not' ? { type: 'not', condition: replaceAt(tree.condition, rest, next) } : tree
  }
  if ((tree.type !== 'all' && tree.type !== 'any') || step >= tree.conditions.length) return tree
  return { type: tree.type, conditions: tree.conditions.map((c, i) => (i === step ? replaceAt(c, rest, next) : c)) }
}

const parentOf = (path: TreePath): TreePath => path.slice(0, -1)

/**
 * The tree without the node at `path`. A `not` without its child means nothing, so removing that child
 * removes the `not` too; removing the root leaves an empty group.
 */
export function removeAt(tree: SegmentNode, path: TreePath): SegmentNode {
  const last = path[path.length - 1]
  if (last === undefined) return emptyTree()
  if (getAt(tree, path) === undefined) return tree
  const parentPath = parentOf(path)
  const parent = getAt(tree, parentPath)
  if (!parent) return tree
  if (last === 'condition') return removeAt(tree, parentPath)
  if (parent.type !== 'all' && parent.type !== 'any') return tree
  return replaceAt(tree, parentPath, { type: parent.type, conditions: parent.conditions.filter((_, i) => i !== last) })
}

/** The tree with `node` added to the all/any group at `groupPath`, at `index` (default: at the end). */
export function addAt(tree: SegmentNode, groupPath: TreePath, node: SegmentNode, index?: number): SegmentNode {
  const group = getAt(tree, groupPath)
  if (!group || (group.type !== 'all' && group.type !== 'any')) return tree
  const at = Math.max(0, Math.min(index ?? group.conditions.length, group.conditions.length))
  return replaceAt(tree, groupPath, { type: group.type, conditions: [...group.conditions.slice(0, at), node, ...group.conditions.slice(at)] })
}

const startsWith = (path: TreePath, prefix: TreePath) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s)

/**
 * The tree with the node at `from` moved into the all/any group at `toGroup`, at `index` of that group as
 * it is before the move. Only a member of an all/any group moves (a `not` keeps its one child), and never
 * into itself. Unchanged when the move is not possible.
 */
export function moveAt(tree: SegmentNode, from: TreePath, toGroup: TreePath, index: number): SegmentNode {
  const node = getAt(tree, from)
  const fromIndex = from[from.length - 1]
  const target = getAt(tree, toGroup)
  if (!node || typeof fromIndex !== 'number' || !target || (target.type !== 'all' && target.type !== 'any') || startsWith(toGroup, from)) return tree
  const fromParent = parentOf(from)
  // Removing the node shifts its later siblings (and anything inside them) one place up.
  let dest = [...toGroup]
  let at = index
  if (startsWith(toGroup, fromParent) && toGroup.length > fromParent.length) {
    const step = toGroup[fromParent.length]
    if (typeof step === 'number' && step > fromIndex) dest = [...fromParent, step - 1, ...toGroup.slice(fromParent.length + 1)]
  } else if (toGroup.length === fromParent.length && startsWith(toGroup, fromParent) && index > fromIndex) {
    at = index - 1
  }
  return addAt(removeAt(tree, from), dest, node, at)
}

/** The tree with the node at `path` one place earlier (delta -1) or later (+1) among its siblings. */
export function moveBy(tree: SegmentNode, path: TreePath, delta: -1 | 1): SegmentNode {
  const i = path[path.length - 1]
  const parent = getAt(tree, parentOf(path))
  if (typeof i !== 'number' || !parent || (parent.type !== 'all' && parent.type !== 'any')) return tree
  const j = i + delta
  if (j < 0 || j >= parent.conditions.length) return tree
  return moveAt(tree, path, parentOf(path), delta === 1 ? j + 1 : j)
}

/**
 * A group turned into another kind. all ⇄ any keep their members; a `not` of several members negates
 * them all together (not (all of …)); a `not` turned into all/any keeps its child as the one member.
 */
export function setGroupType(tree: SegmentNode, path: TreePath, type: GroupType): SegmentNode {
  const group = getAt(tree, path)
  if (!group || group.type === type) return tree
  if (group.type === 'all' || group.type === 'any') {
    if (type !== 'not') return replaceAt(tree, path, { type, conditions: group.conditions })
    const only = group.conditions.length === 1 ? group.conditions[0] : undefined
    return replaceAt(tree, path, { type: 'not', condition: only ?? group })
  }
  if (group.type === 'not' && type !== 'not') return replaceAt(tree, path, { type, conditions: [group.condition] })
  return tree
}

