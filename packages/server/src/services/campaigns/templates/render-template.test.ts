import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RapportError } from '../../../errors/rapport-error.ts'
import { sampleMergeContext } from './merge-context.ts'
import type { MergeContext } from './merge-fields.ts'
import { chooseLanguage, compileTemplate, renderMessage } from './render-template.ts'

const withName = (name: string): MergeContext => {
  const ctx = sampleMergeContext()
  return { ...ctx, customer: { ...ctx.customer, name } }
}

test('escapes a malicious name in the HTML but not in the subject or text', () => {
  const c = compileTemplate({ en: { subject: 'For {{ customer.name }}', html: '<p>{{ customer.name }}</p>', text: 'Hi {{ customer.name }}' } })
  const m = renderMessage(c, 'en', withName('<script>alert("x")</script>'))
  assert.equal(m.html, '<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>')
  assert.equal(m.subject, 'For <script>alert("x")</script>')
  assert.equal(m.text, 'Hi <script>alert("x")</script>')
})

test('keeps the subject on one line when a merge field holds a line break', () => {
  const c = compileTemplate({ en: { subject: 'Hi {{ customer.name }}!', text: '' } })
  assert.equal(renderMessage(c, 'en', withName('A\r\nBcc: x@example.com')).subject, 'Hi A Bcc: x@example.com!')
})

test('renders the Chinese version for zh and falls back to English when there is none', () => {
  const both = compileTemplate({ en: { subject: 'Hello', text: 'Hello {{ customer.name }}' }, zh: { subject: '你好', text: '{{ customer.name }}，你好' } })
  const ctx = withName('王小明')
  assert.deepEqual(renderMessage(both, 'zh', ctx), { subject: '你好', html: null, text: '王小明，你好' })
  assert.deepEqual(renderMessage(both, 'en', ctx), { subject: 'Hello', html: null, text: 'Hello 王小明' })
  const enOnly = compileTemplate({ en: { subject: 'Hello', text: 'Hello {{ customer.name }}' } })
  assert.deepEqual(renderMessage(enOnly, 'zh', ctx), { subject: 'Hello', html: null, text: 'Hello 王小明' })
})

test('renders a limited loop over the recommendations', () => {
  const c = compileTemplate({ en: { text: '{% for p in recommendations limit: 2 %}{{ p.name }} {{ p.price }};{% endfor %}' } })
  assert.equal(renderMessage(c, 'en', sampleMergeContext()).text, 'Merino scarf 39;Leather gloves 54.9;')
})

test('renders missing values as nothing', () => {
  const c = compileTemplate({ en: { text: '[{{ last_order.date }}|{{ persona }}]' } })
  assert.equal(renderMessage(c, 'en', { ...sampleMergeContext(), last_order: null, persona: null }).text, '[|]')
})

test('a compiled template is reused: each recipient gets their own values', () => {
  const c = compileTemplate({ en: { text: '{{ customer.name }}' } })
  const names = ['A', 'B', 'C'].map((n) => renderMessage(c, 'en', withName(n)).text)
  assert.deepEqual(names, ['A', 'B', 'C'])
})

test('compileTemplate turns a syntax error into a validation error at the part', () => {
  assert.throws(() => compileTemplate({ en: { text: 'ok' }, zh: { text: '{{ customer.name ' } }), (err: unknown) => {
    assert.ok(err instanceof RapportError)
    assert.equal(err.code, 'validation_failed')
    assert.deepEqual(err.details?.map((d) => d.path), ['template.zh.text'])
    return true
  })
})

test('chooses the language from attributes.language, then the country, else English', () => {
  const cases: Array<[string | null, Record<string, unknown>, 'en' | 'zh']> = [
    ['US', { language: 'zh-Hant' }, 'zh'],
    ['CN', { language: 'en-GB' }, 'en'],
    ['CN', { language: 'ZH' }, 'zh'],
    ['TW', {}, 'zh'],
    ['HK', { language: 'fr' }, 'zh'],
    ['MO', { language: 42 }, 'zh'],
    ['SG', {}, 'en'],
    [null, {}, 'en'],
  ]
  for (const [country, attributes, want] of cases) {
    assert.equal(chooseLanguage({ country, attributes }), want, `${country} ${JSON.stringify(attributes)}`)
  }
})
