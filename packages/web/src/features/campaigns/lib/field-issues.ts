/**
 * Where a validation error goes in the campaign editor. Field keys are the API's paths without `body.`
 * (`variants.0.template.zh.html`), which is what both ApiError.fieldIssues and the client rules give.
 */
export type Issues = Record<string, string>

/** The issues no shown field takes (e.g. `variants` "names must differ"), as path and message. */
export function unplacedIssues(issues: Issues, shown: (path: string) => boolean): Array<{ path: string; message: string }> {
  return Object.entries(issues).filter(([p]) => !shown(p)).map(([path, message]) => ({ path, message }))
}

/** The editor's own fields: the campaign's, a variant's name and weight, and each template part. */
export function isEditorField(path: string): boolean {
  return /^(name|channel|segment_id|from_address|holdout_pct|settings\.(rate_per_second|concurrency))$/.test(path)
    || /^variants\.\d+\.(name|weight)$/.test(path)
    || /^variants\.\d+\.template\.(en|zh)\.(subject|html|text)$/.test(path)
}

/** The template languages of variant `i` that have an error, so their tabs can say so (and the first be opened). */
export function languagesWithIssues(issues: Issues, i: number): Array<'en' | 'zh'> {
  const out = new Set<'en' | 'zh'>()
  for (const p of Object.keys(issues)) {
    const m = /^variants\.(\d+)\.template\.(en|zh)(\.|$)/.exec(p)
    if (m && Number(m[1]) === i) out.add(m[2] as 'en' | 'zh')
  }
  return [...out].sort()
}

/** A server message that names a line and column ("line 3, column 7: …"), split so the position can be shown apart. */
export function splitPosition(message: string): { line: number; column: number; text: string } | null {
  const m = /line (\d+), column (\d+):?\s*(.*)$/s.exec(message)
  return m ? { line: Number(m[1]), column: Number(m[2]), text: (m[3] ?? '').trim() } : null
}
