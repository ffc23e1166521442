import type { Column, Frame } from '@rapport/ml'

/**
 * The rows of several frames with the same columns, one under the other. Categorical codes index each frame's
 * own sorted levels (customerFeatures builds them per call), so the levels are merged, sorted the same way,
 * and every code is mapped into the merged list. O(total rows × columns).
 */
export function stackFrames(frames: readonly Frame[]): Frame {
  const first = frames[0]
  if (!first) return { nRows: 0, columns: [] }
  const nRows = frames.reduce((n, f) => n + f.nRows, 0)
  const columns = first.columns.map((c, j): Column => {
    const parts = frames.map((f) => {
      const p = f.columns[j]
      if (!p || p.name !== c.name || p.kind !== c.kind) throw new Error(`stackFrames: column ${j} is ${p?.name}/${p?.kind}, expected ${c.name}/${c.kind}`)
      return p
    })
    if (c.kind === 'categorical') {
      const cats = parts as Array<Extract<Column, { kind: 'categorical' }>>
      const levels = [...new Set(cats.flatMap((p) => p.levels))].sort()
      const index = new Map(levels.map((l, k) => [l, k]))
      const codes = new Int32Array(nRows)
      let at = 0
      for (const p of cats) {
        const remap = Int32Array.from(p.levels, (l) => index.get(l) ?? -1)
        for (let i = 0; i < p.codes.length; i++) {
          const code = p.codes[i] as number
          codes[at++] = code < 0 ? -1 : (remap[code] as number)
        }
      }
      return { name: c.name, kind: 'categorical', codes, levels }
    }
    const values = new Float64Array(nRows)
    let at = 0
    for (const p of parts as Array<Exclude<Column, { kind: 'categorical' }>>) {
      values.set(p.values, at)
      at += p.values.length
    }
    return { name: c.name, kind: c.kind, values }
  })
  return { nRows, columns }
}
