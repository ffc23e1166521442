import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RapportError } from './errors/rapport-error.ts'
import { readConfig } from './config.ts'

test('defaults apply when the environment is empty; empty strings count as unset', () => {
  const c = readConfig({ PORT: '', DATABASE_URL: '' })
  assert.equal(c.port, 4000)
  assert.equal(c.databaseUrl, undefined)
  assert.equal(c.dataDir, './.rapport/data')
  assert.equal(c.loadDemo, true)
})

test('a bad value is a usage error naming the variable', () => {
  for (const [env, name] of [[{ PORT: 'eighty' }, 'PORT'], [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'], [{ RAPPORT_ADMIN_PASSWORD: 'short' }, 'RAPPORT_ADMIN_PASSWORD']] as const) {
    assert.throws(() => readConfig(env), (e: unknown) => e instanceof RapportError && e.code === 'usage' && e.message.includes(name))
  }
})
