import { locate, pathString } from './tree-paths.ts'
import type { SegmentNode } from './tree-types.ts'

/** A server validation error at a node: what lies below the node (`window.last_days`) and the message. */
export interface NodeIssue {
  field: string
  message: string
}

export interface SortedIssues {
  /** Node path string → the errors about that node. */
  byNode: Map<string, NodeIssue[]>
  /** Errors about the rest of the body (name, kind, …), by field name. */
  other: Map<string, string>
}

/**
 * Sorts a validation_failed answer's `details` ([{ path, message }]) by the node of `tree` each names
 * (`tree.conditions[1].window.last_days` → node `$.conditions[1]`, field `window.last_days`).
 */
export function sortIssues(tree: SegmentNode, details: unknown): SortedIssues {
  const byNode = new Map<string, NodeIssue[]>()
  const other = new Map<string, string>()
  if (!Array.isArray(details)) return { byNode, other }
  for (const d of details as unknown[]) {
    if (d === null || typeof d !== 'object') continue
    const { path, message } = d as { path?: unknown; message?: unknown }
    if (typeof message !== 'string') continue
    const at = locate(tree, path)
    if (at) {
      const key = pathString(at.node)
      byNode.set(key, [...(byNode.get(key) ?? []), { field: at.rest, message }])
    } else {
      const field = (Array.isArray(path) ? path.map(String).join('.') : String(path ?? '')).replace(/^body\.?/, '')
      if (!other.has(field)) other.set(field, message)
    }
  }
  return { byNode, other }
}
