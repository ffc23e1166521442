import { stripBom, type TablePreview } from './csv-preview.ts'

/**
 * The first rows of a JSON Lines text as a table: the columns are the keys of the first objects, in the
 * order they first appear; nested values are shown as JSON. A line that is not a JSON object is shown as
 * such (the server rejects it with its line number). A last line cut by the slice is dropped.
 */
export function parseJsonlPreview(text: string, complete: boolean, maxRows = 10): TablePreview & { invalidLines: number[] } {
  const lines = stripBom(text).split(/\r?\n/)
  if (!complete) lines.pop()
  const objects: Array<Record<string, unknown> | null> = []
  const invalidLines: number[] = []
  lines.forEach((line, index) => {
    if (objects.length >= maxRows || line.trim() === '') return
    const value = parseObject(line)
    if (value === null) invalidLines.push(index + 1)
    objects.push(value)
  })
  const header: string[] = []
  for (const o of objects) for (const k of Object.keys(o ?? {})) if (!header.includes(k)) header.push(k)
  const rows = objects.map((o) => header.map((k) => cell(o?.[k])))
  return { header, rows, invalidLines }
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line)
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}
