import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = resolve(fileURLToPath(import.meta.url), '../../../../../bin/rapport.js')

test('rapport kb: import, import again (nothing changes), list --lang --json; a bad line fails with exit 1 naming file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-kb-cli-'))
  try {
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, RAPPORT_DATA_DIR: join(dir, 'data') } })
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
    }
    const faq = join(dir, 'faq.csv')
    writeFileSync(faq, 'question,answer,language,category\nHow long is shipping?,Three to five days.,en,Shipping\n运费多少？,满 99 元包邮。,zh-CN,配送\n')
    const first = run(['kb', 'import', faq, '--json'])
    assert.equal(first.code, 0, first.stderr)
    assert.deepEqual(JSON.parse(first.stdout), { file: faq, read: 2, inserted: 2, updated: 0, unchanged: 0 })
    const again = run(['kb', 'import', faq])
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stderr, /read 2, 0 new, 0 updated, 2 unchanged/)

    const zh = run(['kb', 'list', '--lang', 'zh', '--json'])
    assert.equal(zh.code, 0, zh.stderr)
    assert.deepEqual((JSON.parse(zh.stdout) as { articles: Array<{ title: string; status: string }> }).articles.map((a) => [a.title, a.status]), [['运费多少？', 'published']])

    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'question,answer,language\nFine?,Fine.,en\nNo answer?,,en\n')
    const refused = run(['kb', 'import', bad])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /bad\.csv:3: answer: is required/)
    assert.equal(run(['kb', 'import', join(dir, 'missing.csv')]).code, 1)
    assert.equal((JSON.parse(run(['kb', 'list', '--json']).stdout) as { articles: unknown[] }).articles.length, 2, 'the refused file wrote nothing')
    assert.equal(run(['kb', 'list', '--lang', 'fr']).code, 2, 'a wrong option is a usage error')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
