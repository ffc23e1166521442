import { toValueSync, type Template } from 'liquidjs'

/** Every node of a parsed template, depth first: tags' bodies (and else branches) included, partials never. */
export function allTemplates(templates: Template[]): Template[] {
  const out: Template[] = []
  const visit = (list: Template[]): void => {
    for (const t of list) {
      out.push(t)
      if (t.children) visit(toValueSync(t.children(false, true)))
    }
  }
  visit(templates)
  return out
}
