import { analyzeSync, Liquid, LiquidError, type Template, type Variable } from 'liquidjs'
import { invalid, type FieldIssue } from '../../../errors/rapport-error.ts'

/**
 * The merge fields a canned response may use, and how it is parsed, checked and rendered. Everything a reply
 * reads from its conversation is on this list, so a typo (`customer.nmae`) is refused when the response is saved
 * instead of reaching a customer as a blank.
 */
export const MERGE_FIELDS = [
  { path: 'customer.name', description: "the customer's name as stored" },
  { path: 'customer.first_name', description: 'the first word of the name ("Ada" of "Ada Lovelace"); a name without spaces, as Chinese names are written, whole' },
  { path: 'customer.email', description: "the customer's e-mail address" },
  { path: 'agent.name', description: "the signed-in agent's name (an API key: its label)" },
  { path: 'conversation.id', description: "the conversation's id" },
  { path: 'conversation.subject', description: "the conversation's subject" },
  { path: 'workspace.name', description: "the workspace's name" },
] as const

export type MergeFieldPath = (typeof MERGE_FIELDS)[number]['path']
export const MERGE_FIELD_PATHS = MERGE_FIELDS.map((f) => f.path) as [MergeFieldPath, ...MergeFieldPath[]]
const KNOWN = new Set<string>(MERGE_FIELD_PATHS)
const ALLOWED_TEXT = MERGE_FIELD_PATHS.join(', ')

/** What a response renders against: the fields of MERGE_FIELDS (null renders as nothing, and `default` replaces it). */
export interface CannedContext {
  customer: { name: string | null; first_name: string | null; email: string | null }
  agent: { name: string }
  conversation: { id: number; subject: string }
  workspace: { name: string }
}

/**
 * The one engine canned responses are parsed and rendered with.
 * - No file system: `templates: {}` replaces liquidjs's file loader with an empty in-memory map, and the tags that
 *   load other templates (include, render, layout, block) are removed, so `{% include '/etc/passwd' %}` does not
 *   even parse.
 * - No output escaping (liquidjs's default, kept on purpose: `outputEscape` is not set). A canned response is plain
 *   text put into the reply box and sent as text, not HTML: escaping would turn "O'Brien" into "O&#39;Brien" in the
 *   customer's mail. Whoever shows the text in a page shows it as text (the dashboard does not render it as HTML).
 * - Unknown filters are parse errors (strictFilters); only own properties of the context are visible
 *   (ownPropertyOnly), never prototype ones; variables are checked when a response is saved (checkCannedBody), so
 *   rendering is lenient: an empty field renders as nothing.
 * - Limits against hostile templates (`{% for i in (1..100000000) %}`): a reply is a few hundred characters.
 */
const engine = new Liquid({
  templates: {},
  strictFilters: true,
  ownPropertyOnly: true,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
})
for (const tag of ['include', 'render', 'layout', 'block']) delete engine.tags[tag]

/** A response parsed and checked: its templates and the merge fields it uses, in MERGE_FIELDS order. */
export interface CompiledCanned {
  templates: Template[]
  fields: MergeFieldPath[]
}

/** The merge field a variable names (`customer.name`, also through `customer.name.size`), or undefined. */
function mergeFieldOf(v: Variable): MergeFieldPath | undefined {
  const [root, key, ...rest] = v.toArray()
  if (typeof root !== 'string' || typeof key !== 'string') return undefined
  const path = `${root}.${key}`
  if (!KNOWN.has(path)) return undefined
  // Liquid's `size` (the length of a text) is the only thing after a field.
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'size')) return undefined
  return path as MergeFieldPath
}

/**
 * Parses a response's body and checks that it uses only merge fields: a Liquid syntax error, an unknown filter or
 * tag, or any variable that does not come from MERGE_FIELDS is a 400 at `path`, naming the variable and listing the
 * merge fields. Variables the template makes itself (assign, capture, for, increment) are its own and allowed:
 * liquidjs's static analysis reports only the ones that would come from outside. The body is then rendered once with
 * sample values, so one that exceeds the limits is refused too.
 */
export function checkCannedBody(source: string, path = 'body.body'): CompiledCanned {
  const compiled = compileCanned(source, path)
  // A template can parse and still fail every time it renders (a loop past the memory limit): found now, not by an agent.
  renderCanned(compiled, SAMPLE_CONTEXT, path)
  return compiled
}

/** Parses and checks the variables (checkCannedBody without the trial render). */
function compileCanned(source: string, path: string): CompiledCanned {
  let templates: Template[]
  try {
    templates = engine.parse(source)
  } catch (err) {
    if (!LiquidError.is(err)) throw err
    const [line, column] = err.token.getPosition()
    const message = `line ${line ?? '?'}, column ${column ?? '?'}: ${reasonOf(err.message)}`
    throw invalid([{ path, message }], `the canned response is not valid: ${path}: ${message}`)
  }
  const issues: FieldIssue[] = []
  const used = new Set<MergeFieldPath>()
  const reported = new Set<string>()
  const globals = Object.values(analyzeSync(templates, { partials: false }).globals).flat()
    .sort((a, b) => a.location.row - b.location.row || a.location.col - b.location.col)
  for (const v of globals) {
    const field = mergeFieldOf(v)
    if (field !== undefined) {
      used.add(field)
      continue
    }
    const name = v.toString()
    if (reported.has(name)) continue
    reported.add(name)
    issues.push({ path, message: `line ${v.location.row}, column ${v.location.col}: unknown merge field "${name}"; the merge fields are ${ALLOWED_TEXT}` })
  }
  if (issues.length > 0) {
    const first = issues[0]
    throw invalid(issues, `the canned response is not valid${first ? `: ${first.path}: ${first.message}` : ''}`)
  }
  return { templates, fields: MERGE_FIELD_PATHS.filter((f) => used.has(f)) }
}

/** What the trial render at save time fills in. */
const SAMPLE_CONTEXT: CannedContext = {
  customer: { name: 'Ada Lovelace', first_name: 'Ada', email: 'ada@example.com' },
  agent: { name: 'Agent' },
  conversation: { id: 1, subject: 'Subject' },
  workspace: { name: 'Workspace' },
}

/** liquidjs appends `, line:L, col:C` to its messages; the position is given our way instead. */
function reasonOf(message: string): string {
  const bare = message.replace(/, line:\d+, col:\d+$/, '')
  const filter = /^undefined filter: (.+)$/.exec(bare)
  if (filter) return `unknown filter "${filter[1] ?? ''}"`
  const tag = /^tag "(.+)" not found$/.exec(bare)
  if (tag) return `unknown tag "${tag[1] ?? ''}"${['include', 'render', 'layout', 'block'].includes(tag[1] ?? '') ? ' (a canned response cannot load other templates)' : ''}`
  return bare
}

const valueOf = (ctx: CannedContext, path: MergeFieldPath): unknown => {
  const [root, key] = path.split('.') as [keyof CannedContext, string]
  return (ctx[root] as Record<string, unknown>)[key]
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

/**
 * Renders a checked response for one conversation. `missing` is the merge fields the response uses that are empty
 * here (a customer without an e-mail address, or without a name), so the agent can look before sending; the text
 * has them as nothing (or as the template's `default`). Leading and trailing blank space is trimmed. A render that
 * fails (a limit, a filter) is a 400 at `path`.
 */
export function renderCanned(compiled: CompiledCanned, ctx: CannedContext, path = 'body.body'): { text: string; missing: MergeFieldPath[] } {
  let text: string
  try {
    text = String(engine.renderSync(compiled.templates, ctx)).trim()
  } catch (err) {
    // The limits above (time, memory), or a filter that fails on its input: the response's fault, not the server's.
    if (!LiquidError.is(err)) throw err
    const message = `cannot be rendered: ${reasonOf(err.message)}`
    throw invalid([{ path, message }], `the canned response ${message}`)
  }
  return { text, missing: compiled.fields.filter((f) => isEmpty(valueOf(ctx, f))) }
}

/** Parses a saved response and renders it (a body that no longer passes the check is a 400 at `path`). */
export function renderCannedBody(source: string, ctx: CannedContext, path: string): { text: string; missing: MergeFieldPath[] } {
  return renderCanned(compileCanned(source, path), ctx, path)
}

/**
 * The first word of a name written with spaces ("Ada Lovelace" → "Ada"); a name without spaces, which is how
 * Chinese names are written ("王小明"), whole; null for no name.
 */
export function firstName(name: string | null): string | null {
  const n = name?.trim() ?? ''
  if (n === '') return null
  return n.split(/\s+/)[0] ?? n
}
