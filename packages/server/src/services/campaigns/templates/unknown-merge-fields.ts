import { analyzeSync, ForTag, TablerowTag, type Template, type Variable } from 'liquidjs'
import { allTemplates } from './all-templates.ts'
import { isKnownPath, LOOP_OBJECTS, MERGE_FIELDS, RECOMMENDATION_ITEM, type FieldShape } from './merge-fields.ts'

export interface UnknownField {
  name: string
  line: number
  column: number
}

/**
 * The variables of parsed templates that are not merge fields, first occurrence of each, in source order.
 * liquidjs's static analysis gives the variables that come from outside the template (its globals); each is
 * checked against MERGE_FIELDS. Loop variables are local to their loop, so each loop body is analysed on
 * its own: there the loop variable and forloop/tablerowloop are globals, checked against the item of
 * `recommendations` (when that is what the loop walks) and the loop object. Variables made by assign and
 * capture are the author's own and not checked.
 */
export function unknownMergeFields(templates: Template[]): UnknownField[] {
  const found = new Map<string, UnknownField>()
  const report = (v: Variable): void => {
    const name = v.toString()
    if (!found.has(name)) found.set(name, { name, line: v.location.row, column: v.location.col })
  }
  for (const v of globalsOf(templates)) if (!isKnownPath(MERGE_FIELDS, v.toArray())) report(v)
  for (const loop of loopsIn(templates)) {
    const shapes = new Map<string, FieldShape>([[loop.loopObject, LOOP_OBJECTS[loop.loopObject]]])
    if (loop.tag.collection.getText().trim() === 'recommendations') shapes.set(loop.tag.variable, RECOMMENDATION_ITEM)
    for (const v of globalsOf(loop.tag.templates)) {
      const [root, ...rest] = v.toArray()
      const shape = typeof root === 'string' ? shapes.get(root) : undefined
      if (shape !== undefined && !isKnownPath(shape, rest)) report(v)
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column)
}

function globalsOf(templates: Template[]): Variable[] {
  return Object.values(analyzeSync(templates, { partials: false }).globals).flat()
}

interface Loop {
  tag: ForTag | TablerowTag
  loopObject: keyof typeof LOOP_OBJECTS
}

/** Every for and tablerow tag, however deeply nested. */
function loopsIn(templates: Template[]): Loop[] {
  return allTemplates(templates).flatMap((t): Loop[] => {
    if (t instanceof ForTag) return [{ tag: t, loopObject: 'forloop' }]
    if (t instanceof TablerowTag) return [{ tag: t, loopObject: 'tablerowloop' }]
    return []
  })
}
