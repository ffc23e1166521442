/**
 * The 95 % Wilson interval of a conversion rate, for the whiskers of the per-variant chart: unlike the
 * normal approximation it stays inside [0, 1] and is sensible for small groups and zero conversions.
 */
export function wilsonInterval(conversions: number, n: number, z = 1.959964): [number, number] | null {
  if (n <= 0) return null
  const p = conversions / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}
