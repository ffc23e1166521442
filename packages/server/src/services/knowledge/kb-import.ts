import { requirePermission, type Actor } from '../../domain/actor.ts'
import { InputError, type FieldIssue } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { deriveKey } from '../import/derive-key.ts'
import { formatRowError, type RowError } from '../import/row-error.ts'
import { inTransaction } from '../transaction.ts'
import { kbArticleInput, type KbLang, type KbStatus } from './kb-article-input.ts'
import { parseKbCsv } from './kb-csv.ts'

/** The largest file and the most articles one import takes (the API refuses larger bodies with 413). */
export const KB_IMPORT_MAX_BYTES = 10 * 1024 * 1024
export const KB_IMPORT_MAX_ROWS = 20_000

/** File column → article field. question, answer and language are required; the rest optional. */
const COLUMNS = { question: 'title', answer: 'body', language: 'lang', category: 'category', external_id: 'external_id', status: 'status' } as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['question', 'answer', 'language']
const FIELD_COLUMN: Record<string, Column> = Object.fromEntries(Object.entries(COLUMNS).map(([c, f]) => [f, c as Column]))

export interface KbImportSummary {
  file: string
  read: number
  inserted: number
  updated: number
  unchanged: number
}

interface Article { line: number; external_id: string; lang: KbLang; category: string | null; title: string; body: string; status: KbStatus }

/** en, zh and zh-CN (any case); the rest is refused rather than guessed. */
function normaliseLang(raw: string): KbLang | undefined {
  const v = raw.trim().toLowerCase()
  if (v === 'en') return 'en'
  if (v === 'zh' || v === 'zh-cn') return 'zh'
  return undefined
}

/** Errors shown in the message; details carry up to 100 of them. */
const SHOWN = 5
const DETAILS = 100

function refuse(file: string, errors: RowError[], read: number): never {
  const rows = new Set(errors.map((e) => e.line)).size
  const shown = errors.slice(0, SHOWN).map((e) => formatRowError(file, e)).join('; ')
  const details: FieldIssue[] = errors.slice(0, DETAILS).map((e) => ({ path: e.column ? `${file}:${e.line}: ${e.column}` : `${file}:${e.line}`, message: e.reason }))
  throw new InputError(`${rows} of ${read} rows are not valid, so nothing was imported: ${shown}${errors.length > SHOWN ? '; …' : ''}`, details)
}

/** Reads and checks every row; any problem refuses the whole file (line, column, reason). */
function readArticles(file: string, data: Buffer | string): { articles: Article[]; read: number } {
  const [header, ...records] = parseKbCsv(file, data)
  if (!header) throw new InputError(`${file}: the file is empty; the first line must be the header question,answer,language`)
  const names = header.values.map((c) => c.trim().toLowerCase())
  const errors: RowError[] = []
  names.forEach((n, i) => {
    if (!(n in COLUMNS)) errors.push({ line: header.line, column: header.values[i], reason: `is not a column of a knowledge base file (${Object.keys(COLUMNS).join(', ')})` })
    else if (names.indexOf(n) !== i) errors.push({ line: header.line, column: header.values[i], reason: 'is named twice' })
  })
  for (const c of REQUIRED) if (!names.includes(c)) errors.push({ line: header.line, column: c, reason: 'is a required column and is missing' })
  if (errors.length > 0) refuse(file, errors, records.length)
  if (records.length > KB_IMPORT_MAX_ROWS) throw new InputError(`${file}: has ${records.length.toLocaleString('en')} rows; one import takes at most ${KB_IMPORT_MAX_ROWS.toLocaleString('en')}`)

  const articles: Article[] = []
  const seen = new Map<string, number>()
  for (const rec of records) {
    if (rec.values.length > names.length) {
      errors.push({ line: rec.line, reason: `has ${rec.values.length} fields; the header has ${names.length}` })
      continue
    }
    const cell = (c: Column): string | undefined => {
      const i = names.indexOf(c)
      const v = i < 0 ? undefined : rec.values[i]?.trim()
      return v === '' ? undefined : v
    }
    const rawLang = cell('language')
    const lang = rawLang === undefined ? undefined : normaliseLang(rawLang)
    if (lang === undefined) {
      errors.push({ line: rec.line, column: 'language', reason: rawLang === undefined ? 'is required' : `"${rawLang}" is not a language of the knowledge base: use en, zh or zh-CN` })
    }
    const parsed = kbArticleInput.safeParse({
      title: cell('question') ?? '', body: cell('answer') ?? '', lang: lang ?? 'en', category: cell('category') ?? null,
      status: cell('status') ?? 'published', external_id: cell('external_id'),
    })
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ line: rec.line, column: FIELD_COLUMN[String(i.path[0])] ?? String(i.path[0]), reason: i.message })
      continue
    }
    if (lang === undefined) continue
    const a = parsed.data
    // Without a key, question and language are the key: the same file imported again lands on the same rows,
    // and a corrected answer updates its article instead of adding a second one.
    const key = a.external_id ?? deriveKey(['question', 'language'], { question: a.title, language: lang })
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({ line: rec.line, column: a.external_id ? 'external_id' : 'question', reason: `is the same article as line ${first}` })
      continue
    }
    seen.set(key, rec.line)
    articles.push({ line: rec.line, external_id: key, lang, category: a.category ?? null, title: a.title, body: a.body, status: a.status })
  }
  if (errors.length > 0) refuse(file, errors.sort((x, y) => x.line - y.line), records.length)
  return { articles, read: records.length }
}

/**
 * Imports a CSV of articles (header question,answer,language and optionally category, external_id, status;
 * status defaults to published), all or nothing, in one transaction with its audit row. An article is matched
 * on external_id: new ones are inserted, changed ones updated (version +1), the same ones left alone, so
 * importing a file twice changes nothing the second time.
 */
export async function importKbCsv(db: Db, actor: Actor, source: { file: string; data: Buffer | string }): Promise<KbImportSummary> {
  requirePermission(actor, 'kb:write')
  const { articles, read } = readArticles(source.file, source.data)
  return inTransaction(db, async (tx) => {
    const summary: KbImportSummary = { file: source.file, read, inserted: 0, updated: 0, unchanged: 0 }
    for (const a of articles) {
      const [r] = await tx.query<{ inserted: boolean }>(
        `INSERT INTO kb_articles AS k (workspace_id, external_id, lang, category, title, body, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (workspace_id, external_id) DO UPDATE SET lang = EXCLUDED.lang, category = EXCLUDED.category, title = EXCLUDED.title,
           body = EXCLUDED.body, status = EXCLUDED.status, version = k.version + 1, updated_at = now()
         WHERE (k.lang, k.category, k.title, k.body, k.status) IS DISTINCT FROM (EXCLUDED.lang, EXCLUDED.category, EXCLUDED.title, EXCLUDED.body, EXCLUDED.status)
         RETURNING (xmax = 0) AS inserted`,
        [actor.workspaceId, a.external_id, a.lang, a.category, a.title, a.body, a.status, actor.label])
      if (!r) summary.unchanged++
      else if (r.inserted) summary.inserted++
      else summary.updated++
    }
    // One audit row per import, as for the other imports, in its transaction.
    await recordAudit(tx, actor, { action: 'import', entity: 'kb_articles', changes: { source: source.file, read, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged } })
    return summary
  })
}
