import { createContext, useContext } from 'react'
import type { Missing } from '../lib/incomplete.ts'
import type { NodeIssue } from '../lib/node-issues.ts'
import type { TreePath } from '../lib/tree-paths.ts'
import type { GroupType, SegmentNode } from '../lib/tree-types.ts'

/**
 * What every node editor needs from the builder: the edits (by path), and what to show beside each node
 * — its own preview count, the server's errors about it, and what it still misses — keyed by the node's
 * path string (`$.conditions[0]`).
 */
export interface Builder {
  replace: (path: TreePath, node: SegmentNode) => void
  remove: (path: TreePath) => void
  add: (groupPath: TreePath, node: SegmentNode) => void
  move: (path: TreePath, delta: -1 | 1) => void
  setGroupType: (path: TreePath, type: GroupType) => void
  counts: ReadonlyMap<string, number>
  issues: ReadonlyMap<string, NodeIssue[]>
  missing: ReadonlyMap<string, Missing[]>
  /** Other segments a condition may refer to (id → name), without the one being edited. */
  segments: ReadonlyMap<number, string>
}

export const BuilderContext = createContext<Builder | null>(null)

export function useBuilder(): Builder {
  const b = useContext(BuilderContext)
  if (!b) throw new Error('useBuilder outside the segment builder')
  return b
}
