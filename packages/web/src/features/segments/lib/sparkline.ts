/**
 * The points of a small line chart of sizes over days, in a `width` × `height` box (SVG coordinates: y
 * grows downwards), with a pixel of margin so the stroke is not cut. A flat series sits in the middle.
 */
export function sparklinePoints(sizes: readonly number[], width: number, height: number): string {
  if (sizes.length === 0) return ''
  const min = Math.min(...sizes)
  const max = Math.max(...sizes)
  const pad = 1
  const h = height - 2 * pad
  const x = (i: number) => (sizes.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (sizes.length - 1))
  const y = (v: number) => (max === min ? height / 2 : pad + h - ((v - min) / (max - min)) * h)
  return sizes.map((v, i) => `${round(x(i))},${round(y(v))}`).join(' ')
}

const round = (n: number) => Math.round(n * 10) / 10
