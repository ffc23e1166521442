/**
 * Temperature scaling (Guo, Pleiss, Sun & Weinberger 2017): the T > 0 minimising the held-out log-loss of
 * softmax(T · scores). One parameter, so it cannot change which class wins, only how confident the model
 * says it is. Golden-section search on log T in [1e-2, 1e3]; O(iterations · n · K).
 * `scores` is row-major n × K; labels[i] in 0..K-1.
 */
export function fitTemperature(scores: Float64Array, labels: Int32Array, nClasses: number): number {
  const n = labels.length
  if (n === 0) return 1
  const K = nClasses
  const loss = (logT: number): number => {
    const t = Math.exp(logT)
    let total = 0
    for (let i = 0; i < n; i++) {
      let max = -Infinity
      for (let k = 0; k < K; k++) if (t * scores[i * K + k]! > max) max = t * scores[i * K + k]!
      let z = 0
      for (let k = 0; k < K; k++) z += Math.exp(t * scores[i * K + k]! - max)
      total += max + Math.log(z) - t * scores[i * K + labels[i]!]!
    }
    return total
  }
  let a = Math.log(1e-2)
  let b = Math.log(1e3)
  const phi = (Math.sqrt(5) - 1) / 2
  let c = b - phi * (b - a)
  let d = a + phi * (b - a)
  let fc = loss(c)
  let fd = loss(d)
  for (let it = 0; it < 60 && b - a > 1e-4; it++) {
    if (fc < fd) {
      b = d
      d = c
      fd = fc
      c = b - phi * (b - a)
      fc = loss(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + phi * (b - a)
      fd = loss(d)
    }
  }
  return Math.exp((a + b) / 2)
}
