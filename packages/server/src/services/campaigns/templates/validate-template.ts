import { Output, type Template } from 'liquidjs'
import { invalid, type FieldIssue } from '../../../errors/rapport-error.ts'
import { allTemplates } from './all-templates.ts'
import { parsePart } from './liquid-engines.ts'
import type { CampaignTemplate, TemplateChannel, TemplateLanguage, TemplatePart } from './template-input.ts'
import { unknownMergeFields } from './unknown-merge-fields.ts'

/** Carriers split longer texts into many billed segments; 1,000 characters is already about seven. */
export const SMS_MAX_CHARS = 1_000

const LANGUAGES: readonly TemplateLanguage[] = ['en', 'zh']

/**
 * Refuses a template that would send something broken: Liquid syntax errors, merge fields or filters that
 * do not exist, parts the channel needs but lacks (an e-mail's subject and body; an SMS's text, at most
 * SMS_MAX_CHARS before rendering) or cannot use (subject and HTML in an SMS), and an e-mail without the
 * unsubscribe link marketing mail must carry. Throws `invalid` with one issue per problem, at paths like
 * `body.template.zh.html`.
 */
export function validateTemplate(t: CampaignTemplate, channel: TemplateChannel, pathPrefix = 'body.template'): void {
  const issues: FieldIssue[] = []
  for (const lang of LANGUAGES) {
    const version = t[lang]
    if (version === undefined) continue
    const add = (part: TemplatePart, message: string): void => {
      issues.push({ path: `${pathPrefix}.${lang}.${part}`, message })
    }
    const parsed = new Map<TemplatePart, Template[]>()
    for (const part of ['subject', 'html', 'text'] as const) {
      const source = version[part]
      if (source === undefined) continue
      const outcome = parsePart(part, source)
      if (!outcome.ok) {
        add(part, outcome.reason)
        continue
      }
      parsed.set(part, outcome.templates)
      for (const f of unknownMergeFields(outcome.templates)) add(part, `line ${f.line}, column ${f.column}: unknown merge field "${f.name}"`)
    }

    if (channel === 'sms') {
      if (version.subject !== undefined) add('subject', 'an SMS has no subject: remove it')
      if (version.html !== undefined) add('html', 'an SMS is text only: remove the HTML')
      if (version.text.trim() === '') add('text', 'an SMS needs text')
      else if (version.text.length > SMS_MAX_CHARS) add('text', `an SMS text has at most ${SMS_MAX_CHARS} characters (this one has ${version.text.length})`)
      continue
    }
    if ((version.subject ?? '').trim() === '') add('subject', 'an e-mail needs a subject')
    const hasHtml = (version.html ?? '').trim() !== ''
    if (!hasHtml && version.text.trim() === '') {
      add('text', 'an e-mail needs a body: HTML or text')
      continue
    }
    // The link goes where the reader sees it: the HTML, or the text when there is no HTML.
    const bodyPart: TemplatePart = hasHtml ? 'html' : 'text'
    const body = parsed.get(bodyPart)
    if (body !== undefined && !showsUnsubscribeLink(body)) {
      add(bodyPart, 'a marketing e-mail needs an unsubscribe link: add {{ unsubscribe_url }}')
    }
  }
  if (issues.length > 0) {
    const first = issues[0]
    throw invalid(issues, `the template is not valid${first ? `: ${first.path}: ${first.message}` : ''}`)
  }
}

/** True when some output tag, at any depth, prints unsubscribe_url (filters such as `| raw` allowed). */
function showsUnsubscribeLink(templates: Template[]): boolean {
  return allTemplates(templates).some((t) => t instanceof Output && /^unsubscribe_url\s*(\|.*)?$/s.test(t.token.content.trim()))
}
