import { readFileSync } from 'node:fs'
import { segmentInput, type SegmentInput } from '../../../domain/segment-input.ts'
import { segmentNode, type SegmentNode } from '../../../domain/segment-tree.ts'
import { InputError } from '../../../errors/rapport-error.ts'

const pathOf = (p: PropertyKey[]) => p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(top level)'

function readJson(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new InputError(`${file}: is not JSON: ${(err as Error).message}`)
  }
}

/** A tree from a file: either the tree itself or a segment ({ name, kind, tree }); errors name the JSON path. */
export function readTreeFile(file: string): { tree: SegmentNode; segment?: SegmentInput } {
  const json = readJson(file)
  const isSegment = typeof json === 'object' && json !== null && 'tree' in json
  const parsed = isSegment ? segmentInput.safeParse(json) : segmentNode.safeParse(json)
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: `${file}: ${pathOf(i.path)}`, message: i.message }))
    throw new InputError(`${file}: ${details.map((d) => `${d.path.slice(file.length + 2)}: ${d.message}`).join('; ')}`, details)
  }
  return isSegment ? { tree: (parsed.data as SegmentInput).tree, segment: parsed.data as SegmentInput } : { tree: parsed.data as SegmentNode }
}
