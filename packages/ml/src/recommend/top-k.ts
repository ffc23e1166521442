/**
 * Indices of the k largest scores, best first, skipping indices where `exclude` is set (items already seen).
 * Ties break towards the smaller index so results are deterministic. O(n log k) with a small binary heap.
 */
export function topK(scores: ArrayLike<number>, k: number, exclude?: (i: number) => boolean): Int32Array {
  const heap = new Int32Array(Math.max(0, k))
  let size = 0
  // Min-heap on (score, -index): the root is the weakest of the current top k.
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] as number
    const sb = scores[b] as number
    return sa < sb || (sa === sb && a > b)
  }
  const siftDown = (pos: number): void => {
    for (;;) {
      const l = 2 * pos + 1
      const r = l + 1
      let m = pos
      if (l < size && worse(heap[l]!, heap[m]!)) m = l
      if (r < size && worse(heap[r]!, heap[m]!)) m = r
      if (m === pos) return
      const t = heap[m]!
      heap[m] = heap[pos]!
      heap[pos] = t
      pos = m
    }
  }
  for (let i = 0; i < scores.length; i++) {
    if (k <= 0) break
    const s = scores[i] as number
    if (Number.isNaN(s) || (exclude && exclude(i))) continue
    if (size < k) {
      let pos = size++
      heap[pos] = i
      while (pos > 0) {
        const parent = (pos - 1) >> 1
        if (!worse(heap[pos]!, heap[parent]!)) break
        const t = heap[parent]!
        heap[parent] = heap[pos]!
        heap[pos] = t
        pos = parent
      }
    } else if (worse(heap[0]!, i)) {
      heap[0] = i
      siftDown(0)
    }
  }
  const out = Array.from(heap.subarray(0, size))
  out.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
  return Int32Array.from(out)
}
