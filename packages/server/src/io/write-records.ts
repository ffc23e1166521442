import { stringify } from 'csv-stringify'
import type { Writable } from 'node:stream'
import { once } from 'node:events'

/**
 * Writes records as CSV (header from `fields`; lists joined with ';', objects as JSON) or JSON Lines (absent
 * values omitted), honouring back-pressure.
 */
export async function writeRecords(
  records: AsyncIterable<Record<string, unknown>>,
  fields: string[],
  format: 'csv' | 'jsonl',
  out: Writable,
): Promise<number> {
  let n = 0
  if (format === 'jsonl') {
    for await (const r of records) {
      const clean: Record<string, unknown> = {}
      for (const f of fields) if (r[f] !== null && r[f] !== undefined) clean[f] = r[f]
      if (!out.write(`${JSON.stringify(clean)}\n`)) await once(out, 'drain')
      n++
    }
    return n
  }
  const csv = stringify({ header: true, columns: fields })
  csv.pipe(out, { end: false })
  for await (const r of records) {
    const row = fields.map((f) => cell(r[f]))
    if (!csv.write(row)) await once(csv, 'drain')
    n++
  }
  csv.end()
  await once(csv, 'end')
  return n
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.join(';')
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}
