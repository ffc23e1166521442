import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compileFast } from './fast-render.ts'
import { engineFor, parsePart, renderPart, renderWithLiquid } from './liquid-engines.ts'
import { sampleMergeContext } from './merge-context.ts'
import type { TemplatePart } from './template-input.ts'

const parsed = (part: TemplatePart, source: string) => {
  const p = parsePart(part, source)
  if (!p.ok) throw new Error(p.reason)
  return p.templates
}

// Templates in the subset the fast path compiles (the campaign templates' shapes and their edge cases).
const SUPPORTED = [
  'Hello {{ customer.first_name | default: customer.name }}!',
  "{{ customer.first_name | default: 'friend' }}, your picks from {{ workspace.name }}",
  '{% if customer.city %} in {{ customer.city }}{% endif %}.',
  '{% if last_order %}{{ last_order.date }} ({{ last_order.total | round: 2 }} {{ last_order.currency }}){% else %}no order{% endif %}',
  '{% if clv_band %}a{% elsif persona %}b{% elsif rfm_segment %}c{% else %}d{% endif %}',
  '<table>{% for p in recommendations limit: 3 %}\n<tr><td>{% if p.image_url %}<img src="{{ p.image_url }}" alt="{{ p.name }}">{% endif %}</td><td><a href="{{ p.url }}">{{ p.name }}</a> {{ p.category }} · {{ p.price | round: 2 }} {{ p.currency }}</td></tr>{% endfor %}</table>',
  '{% for p in recommendations offset: 1 limit: 2 reversed %}[{{ p.name }}]{% else %}none{% endfor %}',
  '{% for p in recommendations reversed %}{{ p.name | upcase }};{% endfor %}',
  '{% for p in recommendations %}{% for q in recommendations limit: 2 %}{{ p.name }}/{{ q.name }} {% endfor %}{% endfor %}',
  '{{ recommendations.size }} {{ recommendations.first.name }} {{ recommendations.last.name }} {{ recommendations[0].price }} {{ recommendations[-1].name }} {{ customer.name.size }}',
  '{{ customer["name"] }}|{{ nothing.here }}|{{ customer.name.nope }}|{{ 42 }}|{{ "lit" }}|{{ true }}',
  '{{ customer.name | escape }}|{{ customer.name | raw }}|{{ customer.name | truncate: 5 }}|{{ customer.name | split: " " | join: "-" }}',
  '  {%- if customer.name -%}  trimmed  {%- endif -%}  |{{- customer.city -}}|',
  '{{ recommendations | map: "name" | join: ", " }}',
  '{{ last_order.total | times: 1.1 | round: 1 }} {{ last_order.total | plus: 0.005 | round: 2 }}',
  '{{ unsubscribe_url }} {{ view_url | default: "none" }}',
]

// Recipients as the merge data can hold them: full, sparse, hostile text, odd numbers.
const contexts: object[] = [
  sampleMergeContext(),
  { ...sampleMergeContext(), customer: { name: null, first_name: null, email: null, city: null, country: null }, last_order: null, recommendations: [], clv_band: null, persona: null, rfm_segment: null },
  {
    ...sampleMergeContext('A & B <shop>'),
    customer: { name: '<script>alert("x")</script> & \'Bob\'', first_name: '', email: 'b@x', city: '', country: 'CN' },
    last_order: { date: '2025-01-01', total: 1.005, currency: null },
    recommendations: [{ name: '李 "Q" <b>', category: null, price: -2.675, currency: 'CNY', url: 'https://x.example/?a=1&b=2', image_url: null }],
    persona: 'p',
  },
  { ...sampleMergeContext(), last_order: { date: '2024-02-29', total: 0, currency: 'EUR' }, rfm_segment: 'Champions', recommendations: Array.from({ length: 7 }, (_, i) => ({ name: `P${i}`, category: `C${i}`, price: i * 10.125, currency: 'GBP', url: `https://x.example/${i}`, image_url: i % 2 ? `https://x.example/${i}.jpg` : null })) },
  {},
]

test('the fast path compiles the campaign subset and renders exactly what liquidjs renders', () => {
  for (const part of ['html', 'text', 'subject'] as const) {
    for (const source of SUPPORTED) {
      const templates = parsed(part, source)
      const fast = compileFast(templates, engineFor(part))
      assert.ok(fast, `compiled: ${source}`)
      for (const ctx of contexts) {
        const expected = renderWithLiquid(part, templates, ctx)
        assert.equal(fast(ctx), expected, `${part}: ${source} with ${JSON.stringify(ctx).slice(0, 80)}`)
        assert.equal(renderPart(part, templates, ctx), expected)
      }
    }
  }
})

test('HTML outputs are escaped by the fast path as by liquidjs, and | raw opts out', () => {
  const templates = parsed('html', '{{ v }}|{{ v | raw }}')
  assert.ok(compileFast(templates, engineFor('html')))
  assert.equal(renderPart('html', templates, { v: '<b>&"\'' }), '&lt;b&gt;&amp;&#34;&#39;|<b>&"\'')
})

test('constructs outside the subset are left to liquidjs and still render the same', () => {
  const outside = [
    '{% assign x = customer.name %}{{ x }}',
    '{% for p in recommendations %}{{ forloop.index }}:{{ p.name }} {% endfor %}',
    '{% if customer.country == "CN" %}zh{% else %}en{% endif %}',
    '{% if customer.name and customer.city %}both{% endif %}',
    '{% unless customer.city %}nowhere{% endunless %}',
    '{% for i in (1..3) %}{{ i }}{% endfor %}',
    '{% if recommendations == empty %}none{% endif %}',
    '[{{ nil }}]',
    '{% capture c %}{{ customer.name }}{% endcapture %}{{ c }}',
    '{% comment %}x{% endcomment %}{% raw %}{{ y }}{% endraw %}',
    '{% for p in recommendations limit: n %}{{ p.name }}{% endfor %}',
  ]
  for (const source of outside) {
    const templates = parsed('html', source)
    assert.equal(compileFast(templates, engineFor('html')), null, source)
    for (const ctx of contexts) assert.equal(renderPart('html', templates, ctx), renderWithLiquid('html', templates, ctx), source)
  }
})

test('values the fast path does not mirror at render time fall back to liquidjs', () => {
  const templates = parsed('text', '{% for c in customer.name %}[{{ c }}]{% endfor %}{% for kv in customer %}({{ kv[0] }}){% endfor %}')
  assert.ok(compileFast(templates, engineFor('text')))
  const ctx = { customer: { name: 'Ada' } }
  const out = renderPart('text', templates, ctx)
  assert.equal(out, renderWithLiquid('text', templates, ctx))
  assert.equal(out, '[Ada](name)')
})

test('the memory limit still stops a render through the fast path', () => {
  const templates = parsed('html', '{{ v }}')
  assert.ok(compileFast(templates, engineFor('html')))
  assert.throws(() => renderPart('html', templates, { v: 'x'.repeat(10_000_001) }), /memory alloc limit exceeded/)
})

test('prototype properties stay invisible in the fast path (ownPropertyOnly)', () => {
  const templates = parsed('text', '[{{ o.constructor }}][{{ o.toString }}][{{ constructor }}][{{ l.map }}]')
  assert.ok(compileFast(templates, engineFor('text')))
  const ctx = { o: {}, l: [1] }
  assert.equal(renderPart('text', templates, ctx), '[][][][]')
  assert.equal(renderWithLiquid('text', templates, ctx), '[][][][]')
})
