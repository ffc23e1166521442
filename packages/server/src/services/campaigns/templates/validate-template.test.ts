import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FieldIssue } from '../../../errors/rapport-error.ts'
import { RapportError } from '../../../errors/rapport-error.ts'
import type { CampaignTemplate } from './template-input.ts'
import { SMS_MAX_CHARS, validateTemplate } from './validate-template.ts'

const goodHtml = '<p>Hi {{ customer.first_name }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>'
const email = (over: Partial<CampaignTemplate['en']> = {}): CampaignTemplate['en'] => ({ subject: 'Hello', html: goodHtml, text: 'Hi', ...over })

function issuesOf(t: CampaignTemplate, channel: 'email' | 'sms', prefix?: string): FieldIssue[] {
  try {
    validateTemplate(t, channel, prefix)
  } catch (err) {
    assert.ok(err instanceof RapportError)
    assert.equal(err.code, 'validation_failed')
    return err.details ?? []
  }
  return []
}

test('accepts a complete e-mail in two languages and a short SMS', () => {
  assert.deepEqual(issuesOf({ en: email(), zh: email({ subject: '你好 {{ customer.name }}' }) }, 'email'), [])
  assert.deepEqual(issuesOf({ en: { text: 'Hi {{ customer.first_name }}, {{ recommendations.first.name }} {{ view_url }}' } }, 'sms'), [])
})

test('reports a syntax error with line and column at the part\'s path', () => {
  const html = '<p>\n<b>\n  {% if customer.name %}unclosed</p>{{ unsubscribe_url }}'
  assert.deepEqual(issuesOf({ en: email(), zh: email({ html }) }, 'email'), [
    { path: 'body.template.zh.html', message: 'line 3, column 3: tag {% if customer.name %} not closed' },
  ])
})

test('reports unknown merge fields, inside if and for too, and unknown filters, under the given prefix', () => {
  const html = `${goodHtml}\n{% if clv_band == "high" %}{{ customer.nmae }}{% endif %}\n{% for p in recommendations limit: 2 %}{{ p.nmae }}{% endfor %}`
  assert.deepEqual(issuesOf({ en: email({ html, subject: 'Hi {{ customer.name | shout }}' }) }, 'email', 'variants.0.template'), [
    { path: 'variants.0.template.en.subject', message: 'line 1, column 4: unknown filter "shout"' },
    { path: 'variants.0.template.en.html', message: 'line 2, column 31: unknown merge field "customer.nmae"' },
    { path: 'variants.0.template.en.html', message: 'line 3, column 43: unknown merge field "p.nmae"' },
  ])
})

test('an e-mail needs a subject and a body in each language given', () => {
  assert.deepEqual(issuesOf({ en: email(), zh: { text: ' ' } }, 'email'), [
    { path: 'body.template.zh.subject', message: 'an e-mail needs a subject' },
    { path: 'body.template.zh.text', message: 'an e-mail needs a body: HTML or text' },
  ])
})

test('refuses an e-mail without the unsubscribe link, in the HTML or else in the text', () => {
  assert.deepEqual(issuesOf({ en: email({ html: '<p>Buy now</p> {% comment %}{{ unsubscribe_url }}{% endcomment %}' }) }, 'email'), [
    { path: 'body.template.en.html', message: 'a marketing e-mail needs an unsubscribe link: add {{ unsubscribe_url }}' },
  ])
  assert.deepEqual(issuesOf({ en: { subject: 'S', text: 'Buy now' } }, 'email').map((i) => i.path), ['body.template.en.text'])
  assert.deepEqual(issuesOf({ en: { subject: 'S', text: 'Buy now. Stop: {{ unsubscribe_url }}' } }, 'email'), [])
})

test('an SMS is text only and at most 1,000 characters before rendering', () => {
  assert.deepEqual(issuesOf({ en: { text: 'x'.repeat(SMS_MAX_CHARS) } }, 'sms'), [])
  assert.deepEqual(issuesOf({ en: { text: 'x'.repeat(SMS_MAX_CHARS + 1) }, zh: { subject: 'S', html: '<p>', text: '' } }, 'sms'), [
    { path: 'body.template.en.text', message: 'an SMS text has at most 1000 characters (this one has 1001)' },
    { path: 'body.template.zh.subject', message: 'an SMS has no subject: remove it' },
    { path: 'body.template.zh.html', message: 'an SMS is text only: remove the HTML' },
    { path: 'body.template.zh.text', message: 'an SMS needs text' },
  ])
})
