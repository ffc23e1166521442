import { InputError } from '../errors/rapport-error.ts'
import { columnIndex, readTable, type Table } from '../io/read-table.ts'
import type { TableOptions } from '../io/table-options.ts'

/** Texts (and labels, when asked) of a table, with each row's file line for messages. */
export interface TextRows {
  file: string
  texts: string[]
  labels: string[]
  lines: number[]
  /** Rows whose text is empty (kept: an empty review is still a labelled example). */
  emptyTexts: number
  table: Table
}

/**
 * Reads a text column and, when `labelCol` is given, a label column. An empty text is kept (it scores as the
 * prior); an empty label is an input error naming file, line and column.
 */
export async function readTexts(file: string, textCol: string, labelCol: string | undefined, opts: TableOptions = {}): Promise<TextRows> {
  const table = await readTable(file, opts)
  const ti = columnIndex(table, textCol)
  const li = labelCol === undefined ? -1 : columnIndex(table, labelCol)
  const texts: string[] = []
  const labels: string[] = []
  let emptyTexts = 0
  table.rows.forEach((r, i) => {
    const text = r[ti] ?? ''
    if (text.trim() === '') emptyTexts++
    texts.push(text)
    if (li >= 0) {
      const label = (r[li] ?? '').trim()
      if (label === '') throw new InputError(`${file}:${table.lines[i]}: ${table.columns[li]}: empty label`)
      labels.push(label)
    }
  })
  if (texts.length === 0) throw new InputError(`${file}: no data rows`)
  return { file, texts, labels, lines: table.lines, emptyTexts, table }
}

/** Question/answer pairs of a knowledge base; an empty question or answer names file, line and column. */
export async function readAnswerPairs(file: string, questionCol: string, answerCol: string, opts: TableOptions): Promise<{ pairs: Array<{ question: string; answer: string }>; lines: number[] }> {
  const table = await readTable(file, opts)
  const qi = columnIndex(table, questionCol)
  const ai = columnIndex(table, answerCol)
  const pairs = table.rows.map((r, i) => {
    const q = (r[qi] ?? '').trim()
    const a = (r[ai] ?? '').trim()
    if (q === '') throw new InputError(`${file}:${table.lines[i]}: ${table.columns[qi]}: empty question`)
    if (a === '') throw new InputError(`${file}:${table.lines[i]}: ${table.columns[ai]}: empty answer`)
    return { question: q, answer: a }
  })
  if (pairs.length === 0) throw new InputError(`${file}: no data rows`)
  return { pairs, lines: table.lines }
}
