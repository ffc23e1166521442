/**
 * The parts of a model report the page has no specific view for, made into tables: any array of flat
 * objects (e.g. clv's calibration_table, a rules list), at the top level or one level down, and the fitted
 * parameters as name → value. Kinds written later show up without a change here.
 */
export type Cell = string | number | boolean | null

export interface ReportTable {
  /** Path in the report, e.g. `calibration_table` or `backtest.by_segment`. */
  key: string
  columns: string[]
  rows: Array<Record<string, Cell>>
}

const isCell = (v: unknown): v is Cell => v === null || ['string', 'number', 'boolean'].includes(typeof v)
const isFlatObject = (v: unknown): v is Record<string, Cell> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCell)
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function asTable(key: string, v: unknown): ReportTable | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isFlatObject)) return undefined
  const columns: string[] = []
  for (const row of v) for (const c of Object.keys(row)) if (!columns.includes(c)) columns.push(c)
  return { key, columns, rows: v }
}

/** Tables for every array of flat objects in the report whose top-level key is not in `handled`. */
export function reportTables(report: Record<string, unknown>, handled: ReadonlySet<string>): ReportTable[] {
  const out: ReportTable[] = []
  for (const [key, v] of Object.entries(report)) {
    if (handled.has(key)) continue
    const top = asTable(key, v)
    if (top) out.push(top)
    else if (isPlainObject(v)) {
      for (const [sub, w] of Object.entries(v)) {
        const inner = asTable(`${key}.${sub}`, w)
        if (inner) out.push(inner)
      }
    }
  }
  return out
}

/** Name → value rows of an object (fitted parameters); a nested value is given as compact JSON. */
export function parameterRows(obj: unknown): Array<{ name: string; value: Cell; json: boolean }> {
  if (!isPlainObject(obj)) return []
  return Object.entries(obj).map(([name, v]) => (isCell(v) ? { name, value: v, json: false } : { name, value: JSON.stringify(v), json: true }))
}

/** Top-level report texts (baseline description, methods) not shown elsewhere. */
export function reportNotes(report: Record<string, unknown>, handled: ReadonlySet<string>): Array<{ key: string; text: string }> {
  return Object.entries(report)
    .filter(([k, v]) => !handled.has(k) && typeof v === 'string' && v.trim() !== '')
    .map(([key, v]) => ({ key, text: v as string }))
}
