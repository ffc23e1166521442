import { useEffect, useRef, useState } from 'react'
import { createPreviewRunner, type PreviewRunner } from '../lib/preview-runner.ts'
import type { SegmentNode } from '../lib/tree-types.ts'
import { previewSegment } from './segments.ts'
import type { Preview } from './segment-types.ts'

export interface LivePreview {
  /** The latest answer, and the tree (as JSON) it answers: the page shows it as current only for that tree. */
  result?: Preview
  resultFor?: string
  error?: unknown
  errorFor?: string
  loading: boolean
}

/**
 * The builder's live preview: every change of `tree` asks POST /segments/preview ~400 ms later, aborting
 * the one in flight (preview-runner.ts). Nothing is asked while `ready` is false (the tree is incomplete).
 */
export function useLivePreview(tree: SegmentNode, ready: boolean, run: (tree: SegmentNode, signal: AbortSignal) => Promise<Preview> = previewSegment): LivePreview & { key: string } {
  const [state, setState] = useState<LivePreview>({ loading: false })
  const runner = useRef<PreviewRunner<SegmentNode> | null>(null)
  const runRef = useRef(run)
  useEffect(() => {
    runRef.current = run
  }, [run])

  useEffect(() => {
    const r = createPreviewRunner<SegmentNode, Preview>({
      run: (t, signal) => runRef.current(t, signal),
      onStart: () => setState((s) => ({ ...s, loading: true })),
      onResult: (result, t) => setState({ result, resultFor: JSON.stringify(t), loading: false }),
      onError: (error, t) => setState((s) => ({ ...s, error, errorFor: JSON.stringify(t), loading: false })),
    })
    runner.current = r
    return () => {
      r.cancel()
      runner.current = null
    }
  }, [])

  const key = JSON.stringify(tree)
  useEffect(() => {
    const r = runner.current
    if (!r) return
    if (!ready) {
      r.cancel()
      setState((s) => (s.loading ? { ...s, loading: false } : s))
      return
    }
    r.schedule(JSON.parse(key) as SegmentNode)
  }, [key, ready])

  return { ...state, key }
}
