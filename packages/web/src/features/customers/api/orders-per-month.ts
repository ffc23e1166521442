/**
 * Orders counted per calendar month (UTC), oldest first, with the months between without orders filled in
 * as zero, so the chart's time axis is even.
 */
export function ordersPerMonth(orderedAt: string[]): Array<{ month: string; count: number }> {
  if (orderedAt.length === 0) return []
  const counts = new Map<string, number>()
  for (const at of orderedAt) {
    const month = new Date(at).toISOString().slice(0, 7)
    counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  const months = [...counts.keys()].sort()
  const first = months[0] ?? ''
  const last = months[months.length - 1] ?? ''
  const out: Array<{ month: string; count: number }> = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  for (let key = first; key <= last; ) {
    out.push({ month: key, count: counts.get(key) ?? 0 })
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
    key = `${y}-${String(m).padStart(2, '0')}`
  }
  return out
}
