import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Liquid, Output } from 'liquidjs'
import { allTemplates } from './all-templates.ts'

test('reaches outputs inside nested tags and else branches', () => {
  const parsed = new Liquid().parse('{{ a }}{% if x %}{% for i in l %}{{ b }}{% endfor %}{% else %}{{ c }}{% endif %}')
  const outputs = allTemplates(parsed).filter((t) => t instanceof Output).map((t) => t.token.content.trim())
  assert.deepEqual(outputs, ['a', 'b', 'c'])
})
