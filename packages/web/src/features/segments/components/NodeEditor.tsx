import { useTranslation } from 'react-i18next'
import { defaultLeaf } from '../lib/fields.ts'
import { childPath, pathString, type TreePath } from '../lib/tree-paths.ts'
import type { GroupType, SegmentGroup, SegmentNode } from '../lib/tree-types.ts'
import { useBuilder } from './builder-context.ts'
import { ConditionEditor } from './ConditionEditor.tsx'
import { Select } from './inputs.tsx'
import { NodeNotes } from './NodeNotes.tsx'

/** "2.1" for the first member of the second member of the root (a `not`'s child counts as its first). */
export const nodeLabel = (path: TreePath): string => path.map((s) => (s === 'condition' ? 1 : s + 1)).join('.')

/** A node of the tree, at any depth: a group with its members, or one condition. */
export function NodeEditor({ node, path }: { node: SegmentNode; path: TreePath }) {
  const { t } = useTranslation('segments')
  const b = useBuilder()
  const key = pathString(path)
  if (node.type === 'all' || node.type === 'any' || node.type === 'not') return <GroupEditor group={node} path={path} />
  return (
    <fieldset className="seg-condition" data-path={key} data-type={node.type}>
      <legend>{t('builder.condition', { label: nodeLabel(path) })}</legend>
      <ConditionEditor leaf={node} onChange={(next) => b.replace(path, next)} />
      <NodeNotes pathKey={key} leaf />
    </fieldset>
  )
}

const GROUP_TYPES: GroupType[] = ['all', 'any', 'not']

function GroupEditor({ group, path }: { group: SegmentGroup; path: TreePath }) {
  const { t } = useTranslation('segments')
  const b = useBuilder()
  const key = pathString(path)
  const members = group.type === 'not' ? [{ node: group.condition, path: childPath(path, 'condition') }] : group.conditions.map((c, i) => ({ node: c, path: childPath(path, i) }))
  const label = nodeLabel(path)
  return (
    <fieldset className={`seg-group seg-group-${group.type}`} data-path={key} data-group={group.type}>
      <legend>{path.length === 0 ? t('builder.rootGroup') : t('builder.group', { label })}</legend>
      <div className="seg-group-head">
        <Select label={t('builder.groupType')} value={group.type} onChange={(type) => b.setGroupType(path, type)} options={GROUP_TYPES.map((g) => ({ value: g, label: t(`groupTypes.${g}`) }))} />
        <NodeNotes pathKey={key} leaf={false} />
      </div>
      <ol className="seg-members">
        {members.map((m, i) => (
          <li key={i} className="seg-member">
            <NodeEditor node={m.node} path={m.path} />
            <MemberTools path={m.path} first={i === 0} last={i === members.length - 1} movable={group.type !== 'not'} />
          </li>
        ))}
      </ol>
      {group.type !== 'not' && (
        <div className="seg-group-actions">
          <button type="button" className="btn btn-small" data-action="add-condition" onClick={() => b.add(path, defaultLeaf())}>
            {t('builder.addCondition')}
          </button>
          <button type="button" className="btn btn-small" data-action="add-group" onClick={() => b.add(path, { type: group.type === 'all' ? 'any' : 'all', conditions: [defaultLeaf()] })}>
            {t('builder.addGroup')}
          </button>
        </div>
      )}
    </fieldset>
  )
}

function MemberTools({ path, first, last, movable }: { path: TreePath; first: boolean; last: boolean; movable: boolean }) {
  const { t } = useTranslation('segments')
  const b = useBuilder()
  const label = nodeLabel(path)
  return (
    <div className="seg-member-tools">
      {movable && (
        <>
          <button type="button" className="btn btn-small btn-ghost" disabled={first} aria-label={t('builder.moveUp', { label })} title={t('builder.moveUp', { label })} onClick={() => b.move(path, -1)}>
            ↑
          </button>
          <button type="button" className="btn btn-small btn-ghost" disabled={last} aria-label={t('builder.moveDown', { label })} title={t('builder.moveDown', { label })} onClick={() => b.move(path, 1)}>
            ↓
          </button>
        </>
      )}
      <button type="button" className="btn btn-small btn-ghost" data-action="remove" aria-label={t('builder.remove', { label })} onClick={() => b.remove(path)}>
        {t('builder.removeShort')}
      </button>
    </div>
  )
}
