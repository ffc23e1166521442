import { segmentNode, type SegmentNode } from '../../../domain/segment-tree.ts'
import { invalid } from '../../../errors/rapport-error.ts'
import type { Db } from '../../../store/db.ts'
import { directReferences, type ReferencedSegment } from './compile-segment.ts'

/**
 * Loads every segment a tree refers to, directly or through the segments it refers to, and refuses a
 * reference to a segment that does not exist (or was deleted) and any cycle — naming the JSON path of the
 * referring condition (`body.tree.conditions.2`) and the chain of ids. `selfId` is the segment being saved.
 */
export async function resolveReferences(db: Db, workspaceId: number, tree: SegmentNode, selfId: number | null, pathPrefix = 'body.tree'): Promise<Map<number, ReferencedSegment>> {
  const found = new Map<number, ReferencedSegment>()
  const visit = async (node: SegmentNode, chain: number[], at: (p: string) => string): Promise<void> => {
    for (const { id, path } of directReferences(node)) {
      const where = at(path)
      if (id === selfId || chain.includes(id)) {
        const loop = [...chain, id].join(' → ')
        throw invalid([{ path: where, message: `refers back to itself: ${loop}` }], `the segment refers to itself through ${loop}`)
      }
      let ref = found.get(id)
      if (!ref) {
        const [row] = await db.query<{ id: number; kind: 'dynamic' | 'static'; tree: unknown }>(
          'SELECT id, kind, tree FROM segments WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
        if (!row) throw invalid([{ path: where, message: `segment ${id} does not exist (it may have been deleted)` }], `segment ${id} does not exist`)
        ref = { id: Number(row.id), kind: row.kind, tree: segmentNode.parse(row.tree) }
        found.set(id, ref)
      }
      // A static segment is its stored members: what it was defined by does not matter any more.
      if (ref.kind === 'dynamic') await visit(ref.tree, [...chain, id], () => where)
    }
  }
  await visit(tree, selfId === null ? [] : [selfId], (p) => jsonPathToField(pathPrefix, p))
  return found
}

/** `$.conditions[2].condition` under `body.tree` → `body.tree.conditions.2.condition` (the API's error paths). */
export function jsonPathToField(prefix: string, path: string): string {
  const rest = path.replace(/^\$/, '').replace(/\[(\d+)\]/g, '.$1')
  return `${prefix}${rest}`
}
