import { useTranslation } from 'react-i18next'
import { describeTree, type Described } from '../lib/describe.ts'
import type { SegmentNode } from '../lib/tree-types.ts'

/** A segment's definition read as text: groups as headed lists, each condition a sentence. */
export function DefinitionText({ tree, segments }: { tree: SegmentNode; segments: ReadonlyMap<number, string> }) {
  const { t } = useTranslation('segments')
  return (
    <div className="seg-definition" id="definition">
      <DescribedNode d={describeTree(t, tree, segments)} />
    </div>
  )
}

function DescribedNode({ d }: { d: Described }) {
  if (d.kind === 'leaf') return <span className="seg-sentence">{d.text}</span>
  return (
    <>
      <span className="seg-group-text">{d.text}</span>
      <ul>
        {d.children.map((c, i) => (
          <li key={i}>
            <DescribedNode d={c} />
          </li>
        ))}
      </ul>
    </>
  )
}
