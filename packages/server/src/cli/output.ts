/** Writes the single JSON object that `--json` promises on stdout; everything else goes to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`)
}

/** Human output of a command (not under --json). */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** Progress, summaries and logs: stderr, so stdout stays machine-readable. */
export function info(text: string): void {
  process.stderr.write(`${text}\n`)
}

/** Prints rows as an aligned plain-text table. */
export function printTable(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  printLine(line(headers))
  printLine(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of cells) printLine(line(r))
}

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x)
  const a = Math.abs(x)
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(3) : x.toFixed(4)
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : null
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>)
  return value
}
