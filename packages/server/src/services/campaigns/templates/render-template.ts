import type { Template } from 'liquidjs'
import { invalid, type FieldIssue } from '../../../errors/rapport-error.ts'
import { parsePart, renderPart } from './liquid-engines.ts'
import type { MergeContext } from './merge-fields.ts'
import type { CampaignTemplate, TemplateLanguage, TemplatePart } from './template-input.ts'

interface CompiledVersion {
  subject: Template[] | null
  html: Template[] | null
  text: Template[]
}

/** A template parsed once, to be rendered for every recipient of a send. */
export interface CompiledTemplate {
  en: CompiledVersion
  zh: CompiledVersion | null
}

export interface RenderedMessage {
  subject: string | null
  html: string | null
  text: string
}

/**
 * Parses every part of a template once. Meant for templates validateTemplate accepted; a syntax error still
 * throws `invalid` (at `template.<lang>.<part>`) rather than a liquidjs error.
 */
export function compileTemplate(t: CampaignTemplate): CompiledTemplate {
  const issues: FieldIssue[] = []
  const parse = (lang: TemplateLanguage, part: TemplatePart, source: string): Template[] => {
    const outcome = parsePart(part, source)
    if (outcome.ok) return outcome.templates
    issues.push({ path: `template.${lang}.${part}`, message: outcome.reason })
    return []
  }
  const version = (lang: TemplateLanguage, v: CampaignTemplate['en']): CompiledVersion => ({
    subject: v.subject === undefined ? null : parse(lang, 'subject', v.subject),
    html: v.html === undefined ? null : parse(lang, 'html', v.html),
    text: parse(lang, 'text', v.text),
  })
  const compiled = { en: version('en', t.en), zh: t.zh === undefined ? null : version('zh', t.zh) }
  if (issues.length > 0) throw invalid(issues, 'the template does not parse')
  return compiled
}

/** One recipient's message in their language (English when the template has no Chinese version). */
export function renderMessage(compiled: CompiledTemplate, lang: TemplateLanguage, ctx: MergeContext): RenderedMessage {
  const v = (lang === 'zh' ? compiled.zh : null) ?? compiled.en
  return {
    // A header is one line: a line break from a merge field must not end it.
    subject: v.subject === null ? null : renderPart('subject', v.subject, ctx).replace(/[\r\n]+/g, ' '),
    html: v.html === null ? null : renderPart('html', v.html, ctx),
    text: renderPart('text', v.text, ctx),
  }
}

/**
 * The language to write to a customer in; the same rule as the campaign planner's SQL (plan-campaign.ts):
 * attributes.language (zh…/en…), else Chinese for mainland China, Taiwan, Hong Kong and Macau, else English.
 */
export function chooseLanguage(customer: { country: string | null; attributes: Record<string, unknown> }): TemplateLanguage {
  const language = customer.attributes.language
  if (typeof language === 'string') {
    const l = language.toLowerCase()
    if (l.startsWith('zh')) return 'zh'
    if (l.startsWith('en')) return 'en'
  }
  return customer.country !== null && ['CN', 'TW', 'HK', 'MO'].includes(customer.country) ? 'zh' : 'en'
}
