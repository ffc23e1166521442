import { fieldKeyOf, templateFor } from '../lib/fields.ts'
import type { SegmentLeaf } from '../lib/tree-types.ts'
import { BehaviourEditor } from './BehaviourEditor.tsx'
import { FieldPicker } from './FieldPicker.tsx'
import { AttributeEditor, ConsentEditor, PredictionEditor, ProductEditor, SegmentRefEditor, TagEditor, withValue } from './LeafEditors.tsx'
import { OperatorSelect, ValueEditor } from './ValueEditor.tsx'

/** One condition: what it is about (the field picker starts it afresh), then the parts of its kind. */
export function ConditionEditor({ leaf, onChange }: { leaf: SegmentLeaf; onChange: (leaf: SegmentLeaf) => void }) {
  return (
    <div className="seg-condition-inputs">
      <FieldPicker value={fieldKeyOf(leaf)} onChange={(key) => key !== fieldKeyOf(leaf) && onChange(templateFor(key))} />
      <KindEditor leaf={leaf} onChange={onChange} />
    </div>
  )
}

function KindEditor({ leaf, onChange }: { leaf: SegmentLeaf; onChange: (leaf: SegmentLeaf) => void }) {
  switch (leaf.type) {
    case 'profile':
    case 'date':
      return (
        <>
          <OperatorSelect leaf={leaf} onChange={onChange} />
          <ValueEditor leaf={leaf} onChange={(value) => onChange(withValue(leaf, value))} />
        </>
      )
    case 'tag':
      return <TagEditor leaf={leaf} onChange={onChange} />
    case 'attribute':
      return <AttributeEditor leaf={leaf} onChange={onChange} />
    case 'consent':
      return <ConsentEditor leaf={leaf} onChange={onChange} />
    case 'behaviour':
      return <BehaviourEditor leaf={leaf} onChange={onChange} />
    case 'product':
      return <ProductEditor leaf={leaf} onChange={onChange} />
    case 'prediction':
      return <PredictionEditor leaf={leaf} onChange={onChange} />
    case 'segment':
      return <SegmentRefEditor leaf={leaf} onChange={onChange} />
  }
}
