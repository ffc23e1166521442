import { useMemo } from 'react'
import { addAt, moveBy, removeAt, replaceAt, setGroupType } from '../lib/tree-edit.ts'
import type { Missing } from '../lib/incomplete.ts'
import type { NodeIssue } from '../lib/node-issues.ts'
import { ROOT } from '../lib/tree-paths.ts'
import type { SegmentNode } from '../lib/tree-types.ts'
import { BuilderContext, type Builder } from './builder-context.ts'
import { NodeEditor } from './NodeEditor.tsx'

export type TreeEdit = (tree: SegmentNode) => SegmentNode

/**
 * The condition tree as nested groups (all / any / not) of conditions, editable at any depth. Every edit is
 * handed up as a function of the tree (lib/tree-edit.ts), so quick successive edits never lose one another.
 */
export function SegmentBuilder(p: {
  tree: SegmentNode
  onEdit: (edit: TreeEdit) => void
  counts: ReadonlyMap<string, number>
  issues: ReadonlyMap<string, NodeIssue[]>
  missing: ReadonlyMap<string, Missing[]>
  segments: ReadonlyMap<number, string>
}) {
  const { onEdit, counts, issues, missing, segments } = p
  const builder = useMemo<Builder>(
    () => ({
      replace: (path, node) => onEdit((t) => replaceAt(t, path, node)),
      remove: (path) => onEdit((t) => removeAt(t, path)),
      add: (path, node) => onEdit((t) => addAt(t, path, node)),
      move: (path, delta) => onEdit((t) => moveBy(t, path, delta)),
      setGroupType: (path, type) => onEdit((t) => setGroupType(t, path, type)),
      counts,
      issues,
      missing,
      segments,
    }),
    [onEdit, counts, issues, missing, segments],
  )
  return (
    <BuilderContext.Provider value={builder}>
      <div className="seg-builder" id="builder">
        <NodeEditor node={p.tree} path={ROOT} />
      </div>
    </BuilderContext.Provider>
  )
}

/** The builder edits groups: a tree that is a single condition becomes a group of one. */
export const asRootGroup = (tree: SegmentNode): SegmentNode => (tree.type === 'all' || tree.type === 'any' || tree.type === 'not' ? tree : { type: 'all', conditions: [tree] })
