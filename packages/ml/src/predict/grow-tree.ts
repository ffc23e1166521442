import type { BinnedMatrix } from './hist-binning.ts'
import type { Tree } from './tree.ts'

export interface GrowOptions {
  maxDepth: number
  /** Fewest rows in a leaf. */
  minSamplesLeaf: number
  /** Fewest summed hessian in a leaf (XGBoost's min_child_weight). */
  minChildWeight: number
  /** L2 penalty on leaf values. 0 with unit hessians gives plain least-squares (CART) leaves. */
  lambda: number
  /** Smallest gain worth a split. */
  minGain: number
  /** Features this tree may split on (all when undefined). */
  features?: Int32Array | undefined
}

/**
 * Grows one tree on binned features by second-order gradient statistics (Chen & Guestrin 2016, XGBoost eq. 7):
 * gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), leaf value −G/(H+λ). With g = −y, h = 1 and λ = 0 this is
 * CART's variance-reduction tree. Depth-wise; each level costs O(rows × features) to build histograms, and
 * the larger child of every split reuses parent − smaller-child histograms.
 */
export function growTree(X: BinnedMatrix, g: Float64Array, h: Float64Array, rows: Int32Array, options: GrowOptions): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [], cover: [] }
  const features = options.features ?? Int32Array.from({ length: X.cols }, (_, j) => j)
  const nFeatures = features.length
  const { maxDepth, minSamplesLeaf, minChildWeight, lambda, minGain } = options
  const bins = X.bins
  // Histogram of one node: per feature, one (Σg, Σh, count) triple per bin, interleaved for locality and
  // packed by each feature's real bin count (binary one-hot columns take 2 bins, not 256).
  const offset = new Int32Array(X.cols + 1)
  for (let j = 0; j < X.cols; j++) offset[j + 1] = (offset[j] as number) + 3 * (X.edges[j] as Float64Array).length
  const histSize = offset[X.cols] as number
  const p = X.cols
  const allFeatures = nFeatures === p
  const build = (idx: Int32Array): Float64Array => {
    const hist = new Float64Array(histSize)
    const m = idx.length
    for (let t = 0; t < m; t++) {
      const i = idx[t] as number
      const gi = g[i] as number
      const hi = h[i] as number
      const rowOff = i * p
      if (allFeatures) {
        for (let j = 0; j < p; j++) {
          const b = (offset[j] as number) + (bins[rowOff + j] as number) * 3
          hist[b] = (hist[b] as number) + gi
          hist[b + 1] = (hist[b + 1] as number) + hi
          hist[b + 2] = (hist[b + 2] as number) + 1
        }
      } else {
        for (let f = 0; f < nFeatures; f++) {
          const j = features[f] as number
          const b = (offset[j] as number) + (bins[rowOff + j] as number) * 3
          hist[b] = (hist[b] as number) + gi
          hist[b + 1] = (hist[b + 1] as number) + hi
          hist[b + 2] = (hist[b + 2] as number) + 1
        }
      }
    }
    return hist
  }
  const node = (idx: Int32Array, hist: Float64Array, depth: number): number => {
    const k = tree.feature.length
    let G = 0
    let H = 0
    for (let t = 0; t < idx.length; t++) {
      G += g[idx[t] as number] as number
      H += h[idx[t] as number] as number
    }
    tree.feature.push(-1)
    tree.threshold.push(0)
    tree.left.push(-1)
    tree.right.push(-1)
    tree.value.push(H + lambda > 0 ? -G / (H + lambda) : 0)
    tree.cover.push(idx.length)
    if (depth >= maxDepth || idx.length < 2 * minSamplesLeaf) return k
    const parentScore = (G * G) / (H + lambda)
    let bestGain = minGain
    let bestF = -1
    let bestBin = -1
    for (let f = 0; f < nFeatures; f++) {
      const j = features[f] as number
      const base = offset[j] as number
      const nBins = (X.edges[j] as Float64Array).length
      let gl = 0
      let hl = 0
      let cl = 0
      for (let b = 0; b + 1 < nBins; b++) {
        gl += hist[base + b * 3] as number
        hl += hist[base + b * 3 + 1] as number
        cl += hist[base + b * 3 + 2] as number
        if (cl < minSamplesLeaf || hl < minChildWeight) continue
        const cr = idx.length - cl
        const hr = H - hl
        if (cr < minSamplesLeaf) break
        if (hr < minChildWeight) continue
        const gr = G - gl
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore
        if (gain > bestGain) {
          bestGain = gain
          bestF = j
          bestBin = b
        }
      }
    }
    if (bestF < 0) return k
    let nl = 0
    for (let t = 0; t < idx.length; t++) if ((bins[(idx[t] as number) * p + bestF] as number) <= bestBin) nl++
    const li = new Int32Array(nl)
    const ri = new Int32Array(idx.length - nl)
    let a = 0
    let c = 0
    for (let t = 0; t < idx.length; t++) {
      const i = idx[t] as number
      if ((bins[i * p + bestF] as number) <= bestBin) li[a++] = i
      else ri[c++] = i
    }
    const small = li.length <= ri.length ? li : ri
    const big = small === li ? ri : li
    // A child at the depth limit or too small to split is a leaf whatever its histogram: build only the
    // histograms a child will search (the parent's is not needed again, so the larger child's is made from
    // it in place).
    const splits = (c: Int32Array) => depth + 1 < maxDepth && c.length >= 2 * minSamplesLeaf
    const smallHist = splits(small) || splits(big) ? build(small) : hist
    const bigHist = hist
    if (splits(big)) for (let q = 0; q < histSize; q++) bigHist[q] = (hist[q] as number) - (smallHist[q] as number)
    const [lh, rh] = small === li ? [smallHist, bigHist] : [bigHist, smallHist]
    tree.feature[k] = bestF
    tree.threshold[k] = (X.edges[bestF] as Float64Array)[bestBin] as number
    tree.left[k] = node(li, lh, depth + 1)
    tree.right[k] = node(ri, rh, depth + 1)
    return k
  }
  node(rows, build(rows), 0)
  return tree
}
