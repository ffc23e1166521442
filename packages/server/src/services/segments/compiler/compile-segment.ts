import { leavesOf, MAX_CONDITIONS, MAX_DEPTH, treeSize, type SegmentLeaf, type SegmentNode } from '../../../domain/segment-tree.ts'
import { RapportError } from '../../../errors/rapport-error.ts'
import { behaviourLeaf, productLeaf } from './behaviour-sql.ts'
import { attributeLeaf, consentLeaf, dateLeaf, predictionLeaf, profileLeaf, tagLeaf, type LeafSql } from './profile-sql.ts'
import { SegmentSql, SegmentSql as S, truth, type JoinStrategy } from './segment-sql.ts'

/**
 * The segment compiler: a validated condition tree becomes one parameterised query over `customers t`.
 * Hand-written rather than built with a query builder because it is the product's own logic (the allow-list
 * of fields, two-valued logic, the "existed long enough" rule, shared aggregates); every value is a
 * parameter, every identifier comes from the allow-lists in profile-sql.ts and behaviour-sql.ts.
 */

/** A segment another tree refers to, as resolve-references.ts loaded it. */
export interface ReferencedSegment {
  id: number
  kind: 'dynamic' | 'static'
  tree: SegmentNode
}

export interface CompileInput {
  workspaceId: number
  now: Date
  timeZone: string
  /** Every segment the tree refers to, directly or through others (cycles already refused). */
  references?: ReadonlyMap<number, ReferencedSegment>
  /** How per-customer values are joined (segment-sql.ts); by default chosen from the tree's shape. */
  strategy?: JoinStrategy
}

export interface CompiledLeaf {
  /** JSON path of the leaf in the tree, `$.conditions[1].conditions[0]`. */
  path: string
  leaf: SegmentLeaf
  /** The leaf's test in two-valued logic. */
  test: string
  actual: string
}

export interface CompiledSegment {
  /** `FROM customers t LEFT JOIN …` */
  from: string
  /** The whole tree as one boolean expression. */
  where: string
  params: unknown[]
  leaves: CompiledLeaf[]
  /** SELECT t.id of the members, ready to run with `params`. */
  sql: string
  strategy: JoinStrategy
}

export function compileSegment(tree: SegmentNode, input: CompileInput): CompiledSegment {
  const size = treeSize(tree)
  if (size.depth > MAX_DEPTH) throw new RapportError('too_expensive', `the tree is ${size.depth} levels deep; at most ${MAX_DEPTH} are allowed`)
  const b = new SegmentSql(input.workspaceId, input.now, input.timeZone, input.strategy ?? chooseStrategy(tree))
  const refs = input.references ?? new Map()
  let leafCount = 0
  const top: CompiledLeaf[] = []

  // `conjunct`: the node is the root or an AND-ed part of it, where the whole WHERE clause is false as soon as
  // it is. There a leaf's test is left without coalesce(…, false): an unknown rejects the row as false does,
  // and a test that is strict in a joined row lets PostgreSQL turn that LEFT JOIN into an inner join (and push
  // the test into the joined table's scan). Anywhere else (under OR, NOT, or an inlined segment) unknown must
  // read as false, since NOT would turn it into unknown again.
  const node = (n: SegmentNode, path: string, collect: boolean, conjunct = false): string => {
    switch (n.type) {
      case 'all':
      case 'any':
        return `(${n.conditions.map((c, i) => node(c, `${path}.conditions[${i}]`, collect, conjunct && n.type === 'all')).join(n.type === 'all' ? ' AND ' : ' OR ')})`
      case 'not':
        return `(NOT ${node(n.condition, `${path}.condition`, collect)})`
      default: {
        if (++leafCount > MAX_CONDITIONS) {
          throw new RapportError('too_expensive', `the tree has more than ${MAX_CONDITIONS} conditions (counting those of the segments it refers to)`)
        }
        const sql = n.type === 'segment' ? segmentLeaf(n.segment_id, n.op) : leaf(b, n)
        const test = truth(sql.test)
        if (collect) top.push({ path, leaf: n, test, actual: sql.actual })
        return conjunct ? `(${sql.test})` : test
      }
    }
  }

  const segmentLeaf = (id: number, op: 'in' | 'not_in'): LeafSql => {
    const ref = refs.get(id)
    if (!ref) throw new Error(`segment ${id} was not resolved before compiling`)
    let test: string
    if (ref.kind === 'dynamic') {
      // A dynamic segment is its definition, evaluated now: inlined, so it is never staler than this one.
      test = node(ref.tree, `segment ${id}`, false)
    } else {
      const alias = b.join(`static:${id}`, () => ({
        kind: 'row', value: 'true', from: 'segment_members m', customer: 'm.customer_id',
        where: [`m.workspace_id = ${S.WS}`, `m.segment_id = ${b.param(id)}::bigint`, 'm.exited_at IS NULL'],
      }))
      test = `${alias}.v IS NOT NULL`
    }
    const member = truth(test)
    return { test: op === 'in' ? member : `NOT ${member}`, actual: member }
  }

  const where = node(tree, '$', true, true)
  const from = b.fromClause()
  return { from, where, params: b.params, leaves: top, sql: `SELECT t.id FROM ${from}\nWHERE t.workspace_id = ${S.WS} AND ${where}`, strategy: b.strategy }
}

function leaf(b: SegmentSql, n: Exclude<SegmentLeaf, { type: 'segment' }>): LeafSql {
  switch (n.type) {
    case 'profile': return profileLeaf(b, n)
    case 'date': return dateLeaf(b, n)
    case 'tag': return tagLeaf(b, n)
    case 'attribute': return attributeLeaf(b, n)
    case 'consent': return consentLeaf(b, n)
    case 'behaviour': return behaviourLeaf(b, n)
    case 'product': return productLeaf(b, n)
    case 'prediction': return predictionLeaf(b, n)
  }
}

const NARROWS_BY_PROFILE = new Set(['profile', 'date', 'tag', 'attribute'])

/**
 * Per-customer lookups (`lateral`) when the root is an AND with a condition on the customer row itself
 * (city, signup date, tag, attribute): PostgreSQL applies it while reading customers and looks up behaviour
 * only for those left. Otherwise every customer would be probed, and one pass over the windows (`grouped`)
 * costs less. Measured on 1M customers: bench/results/segments.md.
 */
export function chooseStrategy(tree: SegmentNode): JoinStrategy {
  return tree.type === 'all' && tree.conditions.some((c) => NARROWS_BY_PROFILE.has(c.type)) ? 'lateral' : 'grouped'
}

/** The segment ids a tree names directly, with their paths. */
export function directReferences(tree: SegmentNode): Array<{ id: number; path: string }> {
  return leavesOf(tree).flatMap(({ leaf, path }) => (leaf.type === 'segment' ? [{ id: leaf.segment_id, path }] : []))
}
