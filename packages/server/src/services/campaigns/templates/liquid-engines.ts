import { Liquid, LiquidError, type Template } from 'liquidjs'
import { BAIL, compileFast } from './fast-render.ts'
import type { TemplatePart } from './template-input.ts'

/**
 * The two configured liquidjs engines every campaign template is parsed and rendered with. Escaping is fixed
 * when a template is parsed (liquidjs adds the escape filter to each output then), so a part must be rendered
 * by the engine that parsed it: engineFor(part) is that one.
 */
function engine(outputEscape: 'escape' | undefined): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    // Templates see only the context's own fields, never prototype properties.
    ownPropertyOnly: true,
    // No file system: an empty in-memory map, and the tags that load other templates removed (below).
    templates: {},
    // Dates such as last_order.date are UTC days; local time would shift them on some servers.
    timezoneOffset: 0,
    ...(outputEscape === undefined ? {} : { outputEscape }),
    // DoS guards for author-supplied templates: a render is a few kB and well under a millisecond.
    parseLimit: 1_000_000,
    renderLimit: 1_000,
    memoryLimit: 10_000_000,
  })
  for (const tag of ['include', 'render', 'layout', 'block']) delete liquid.tags[tag]
  return liquid
}

const htmlEngine = engine('escape')
const plainEngine = engine(undefined)

/** HTML is output-escaped (`| raw` opts out); subject and text are plain text and are not. */
export const engineFor = (part: TemplatePart): Liquid => (part === 'html' ? htmlEngine : plainEngine)

export type ParseOutcome = { ok: true; templates: Template[] } | { ok: false; reason: string }

/** Parses one part; a Liquid syntax error becomes `line L, column C: reason`. */
export function parsePart(part: TemplatePart, source: string): ParseOutcome {
  try {
    return { ok: true, templates: engineFor(part).parse(source) }
  } catch (err) {
    if (!LiquidError.is(err)) throw err
    const [line, column] = err.token.getPosition()
    return { ok: false, reason: `line ${line ?? '?'}, column ${column ?? '?'}: ${reasonOf(err.message)}` }
  }
}

/** liquidjs appends `, line:L, col:C` to its messages; the position is given our way instead. */
function reasonOf(message: string): string {
  const bare = message.replace(/, line:\d+, col:\d+$/, '')
  const filter = /^undefined filter: (.+)$/.exec(bare)
  if (filter) return `unknown filter "${filter[1] ?? ''}"`
  const tag = /^tag "(.+)" not found$/.exec(bare)
  if (tag) return `unknown tag "${tag[1] ?? ''}"`
  return bare
}

/** Renders parsed templates of a part (synchronously: nothing in a campaign template waits on I/O). */
export function renderPart(part: TemplatePart, templates: Template[], context: object): string {
  const fast = fastFor(part, templates)
  if (fast) {
    try {
      return fast(context)
    } catch (err) {
      // Outside what fast-render.ts mirrors, or an error: liquidjs renders it (and throws its own error).
      if (err !== BAIL && !(err instanceof Error)) throw err
    }
  }
  return renderWithLiquid(part, templates, context)
}

/** liquidjs's own render of a part, without the fast path (fast-render.test.ts compares the two). */
export function renderWithLiquid(part: TemplatePart, templates: Template[], context: object): string {
  return String(engineFor(part).renderSync(templates, context))
}

// Compiled closures per parsed part (a campaign's parts are parsed once per send and rendered per recipient);
// null when the part uses something fast-render.ts does not mirror. Keyed by the parse result, so dropped with it.
const compiledFast = new WeakMap<Template[], ((context: object) => string) | null>()

function fastFor(part: TemplatePart, templates: Template[]): ((context: object) => string) | null {
  let fast = compiledFast.get(templates)
  if (fast === undefined) {
    fast = compileFast(templates, engineFor(part))
    compiledFast.set(templates, fast)
  }
  return fast
}
