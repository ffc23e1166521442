import { Context, Drop, ForTag, IfTag, isTruthy, Output, Tag, toValueSync, type Liquid, type Template } from 'liquidjs'

/**
 * A faster way to render liquidjs's own parse trees, for the subset of Liquid campaign templates use: text,
 * outputs `{{ a.b | filter: x }}`, `{% if a.b %}` (a value, with filters, no operators), `{% elsif %}`,
 * `{% else %}`, and `{% for x in a.b limit: n offset: n reversed %}` with `{% else %}`.
 *
 * Why not liquidjs alone: its renderSync drives every node, value and filter through generators (toValueSync),
 * about 0.1 ms per campaign message for the benchmark's newsletter, the largest single share of the sender's own
 * CPU (bench/results/campaigns.md). Here a tree is turned into closures once and rendered with plain calls. It is
 * not a second Liquid implementation: parsing, the filters (called through the same handlers, with a real
 * liquidjs Context, so the memory limit still counts), truthiness and the output escape are liquidjs's; what is
 * written here is only the walk and the variable lookup (liquidjs's Context.readProperty for plain data, with
 * ownPropertyOnly). Anything outside the subset is not compiled (the part renders with liquidjs as before), and
 * anything unusual met while rendering (a Drop, a function, an object with toLiquid, a loop over a non-list)
 * throws BAIL and the part is rendered again by liquidjs, as is any other error (so errors are liquidjs's own).
 * fast-render.test.ts renders templates both ways over many contexts and requires the same output.
 */

/** Thrown when a render meets something the fast path does not mirror: the caller renders with liquidjs. */
export const BAIL: unique symbol = Symbol('fast-render bail')

type Scope = Record<string, unknown>
interface Env {
  root: object
  scopes: Scope[]
  ctx: Context
  out: string[]
}
type Node = (env: Env) => void
type Eval = (env: Env) => unknown

/** Compiled closures for a part, or null when the tree uses anything outside the subset. */
export function compileFast(templates: Template[], liquid: Liquid): ((context: object) => string) | null {
  let nodes: Node[]
  try {
    nodes = compileList(templates, liquid)
  } catch (err) {
    if (err === BAIL) return null
    throw err
  }
  return (context: object) => {
    const ctx = new Context(context, liquid.options, { sync: true }, { liquid })
    const env: Env = { root: context, scopes: [], ctx, out: [] }
    ctx.renderLimit.check(performance.now())
    runList(nodes, env)
    return env.out.join('')
  }
}

function runList(nodes: Node[], env: Env): void {
  for (const n of nodes) n(env)
}

const own = Object.prototype.hasOwnProperty

function compileList(templates: Template[], liquid: Liquid): Node[] {
  return templates.map((t) => compileNode(t, liquid))
}

function compileNode(t: Template, liquid: Liquid): Node {
  if (t instanceof Output) {
    const value = compileValue(t.value, liquid)
    // Output.render: toValue, then the emitter's stringify.
    return (env) => {
      env.out.push(stringify(value(env)))
    }
  }
  if (t instanceof IfTag) {
    const branches = t.branches.map((b) => ({ test: compileValue(b.value, liquid), body: compileList(b.templates, liquid) }))
    const otherwise = compileList(t.elseTemplates ?? [], liquid)
    return (env) => {
      for (const b of branches) {
        if (isTruthy(plain(b.test(env)), env.ctx)) {
          runList(b.body, env)
          return
        }
      }
      runList(otherwise, env)
    }
  }
  if (t instanceof ForTag) return compileFor(t, liquid)
  if (t instanceof Tag) throw BAIL
  // liquidjs's HTML node (not exported): the text between tags, whitespace control already applied.
  const str = (t as unknown as { str?: unknown }).str
  if (typeof str !== 'string') throw BAIL
  return (env) => {
    env.out.push(str)
  }
}

function compileFor(t: ForTag, liquid: Liquid): Node {
  const variable = t.variable
  const collection = compileOperand(t.collection as unknown as TokenLike)
  const hash = (t.hash as unknown as { hash: Record<string, TokenLike | undefined> }).hash
  const keys = Object.keys(hash)
  if (keys.some((k) => k !== 'limit' && k !== 'offset' && k !== 'reversed') || (liquid.options as { orderedFilterParameters?: boolean }).orderedFilterParameters) throw BAIL
  // Only literal numbers for limit and offset (`offset: continue` keeps state in registers: not mirrored).
  const literal = (k: 'limit' | 'offset'): number | undefined => {
    if (!(k in hash)) return undefined
    const v = hash[k]
    if (v === undefined || !('content' in v) || typeof v.content !== 'number') throw BAIL
    return v.content
  }
  const limit = literal('limit')
  const offset = literal('offset')
  const reversed = 'reversed' in hash
  if (reversed && hash.reversed !== undefined) throw BAIL
  const body = compileList(t.templates, liquid)
  const otherwise = compileList(t.elseTemplates, liquid)
  return (env) => {
    const list = plain(collection(env))
    // toEnumerable: a list is looped over; nil and the like are empty; strings and objects are not mirrored.
    if (list !== null && list !== undefined && !Array.isArray(list)) throw BAIL
    let items: unknown[] = list ?? []
    if (items.length === 0) {
      runList(otherwise, env)
      return
    }
    // The modifiers in liquidjs's order (offset, limit, reversed).
    if (offset !== undefined) items = items.slice(offset)
    if (limit !== undefined) items = items.slice(0, limit)
    if (reversed) items = [...items].reverse()
    // liquidjs's loop scope: a null-prototype object with the loop variable (and forloop, which bails above).
    const scope: Scope = Object.create(null) as Scope
    scope.forloop = undefined
    env.scopes.push(scope)
    try {
      for (const item of items) {
        env.ctx.renderLimit.check(performance.now())
        scope[variable] = item
        runList(body, env)
      }
    } finally {
      env.scopes.pop()
    }
  }
}

interface TokenLike {
  content?: unknown
  variable?: unknown
  props?: TokenLike[]
}

interface FilterLike {
  name: string
  handler: (...args: unknown[]) => unknown
  args: Array<TokenLike | [string, TokenLike]>
  token: unknown
}

/** A Value (an expression and its filters): liquidjs's Value.value without generators. */
function compileValue(v: unknown, liquid: Liquid): Eval {
  const { initial, filters } = v as { initial: { postfix: TokenLike[] }; filters: FilterLike[] }
  // One operand, no operators (`a and b`, `a == b` render with liquidjs).
  if (initial.postfix.length !== 1) throw BAIL
  const first = compileOperand(initial.postfix[0] as TokenLike)
  const steps = filters.map((f) => {
    const args = f.args.map((a) => {
      if (Array.isArray(a)) {
        const [key, value] = a
        const ev = compileOperand(value)
        return (env: Env): unknown => [key, ev(env)]
      }
      return compileOperand(a)
    })
    return { f, args }
  })
  return (env) => {
    let val = first(env)
    for (const { f, args } of steps) {
      const argv = args.map((a) => a(env))
      let out = f.handler.apply({ context: env.ctx, token: f.token, liquid }, [val, ...argv])
      // A filter written as a generator (none of those campaign templates use) is driven as liquidjs would.
      if (out !== null && typeof out === 'object' && typeof (out as { next?: unknown }).next === 'function') out = toValueSync(out as never)
      val = out
    }
    return val
  }
}

/** A literal, or a variable path of names and literal indexes (`a.b`, `a[0]`, `a["b"]`). */
function compileOperand(token: TokenLike): Eval {
  if ('content' in token && !('props' in token)) {
    const c = token.content
    // nil, true, numbers and strings; `empty` and `blank` are Drops (compared specially): not mirrored.
    if (c !== null && typeof c === 'object') throw BAIL
    return () => c
  }
  if (!Array.isArray(token.props) || token.variable !== undefined) throw BAIL
  const path = token.props.map((p) => {
    if (!('content' in p) || 'props' in p || (typeof p.content !== 'string' && typeof p.content !== 'number')) throw BAIL
    return p.content
  })
  const head = path[0]
  if (typeof head !== 'string' || head === 'forloop' || head === 'tablerowloop') throw BAIL
  return (env) => {
    // Context.findScope: the innermost loop scope that has the name, else the render's context.
    let scope: unknown = env.root
    for (let i = env.scopes.length - 1; i >= 0; i--) {
      const s = env.scopes[i] as Scope
      if (head in s) {
        scope = s
        break
      }
    }
    for (const key of path) scope = readProperty(scope, key)
    return scope
  }
}

/** liquidjs's Context.readProperty with ownPropertyOnly, for plain data; anything else bails. */
function readProperty(obj: unknown, key: string | number): unknown {
  if (obj === null || obj === undefined) return obj
  if (obj instanceof Drop || typeof (obj as { toLiquid?: unknown }).toLiquid === 'function') throw BAIL
  if (Array.isArray(obj) && typeof key === 'number') {
    const i = key < 0 ? obj.length + key : key
    return own.call(obj, i) ? obj[i] : undefined
  }
  const value = own.call(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined
  if (typeof value === 'function') throw BAIL
  if (key === 'size') {
    if (own.call(obj, 'size') || (obj as { size?: unknown }).size !== undefined) return (obj as { size?: unknown }).size
    if (Array.isArray(obj) || typeof obj === 'string') return obj.length
    if (typeof obj === 'object') return Object.keys(obj).length
    return undefined
  }
  if (key === 'first') return Array.isArray(obj) ? (own.call(obj, 0) ? obj[0] : undefined) : value
  if (key === 'last') return Array.isArray(obj) ? (own.call(obj, obj.length - 1) ? obj[obj.length - 1] : undefined) : value
  return value
}

/** toValue for the values the fast path lets through (a Drop bails). */
function plain(v: unknown): unknown {
  if (v instanceof Drop) throw BAIL
  return v
}

/** liquidjs's stringify: strings as they are, nil as nothing, lists joined, the rest through String(). */
function stringify(v: unknown): string {
  v = plain(v)
  if (typeof v === 'string') return v
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map((x) => stringify(x)).join('')
  return String(v)
}
