import { describe, expect, test } from 'vitest'
import { bundles } from './index.ts'

/** Every key path of a nested resource object, e.g. `filters.apply`. */
function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('i18n resources', () => {
  const b = bundles()
  test('English and Chinese have the same namespaces and the same keys in each', () => {
    expect(Object.keys(b['zh-CN']).sort()).toEqual(Object.keys(b.en).sort())
    for (const ns of Object.keys(b.en)) {
      expect(keys(b['zh-CN'][ns] ?? {}).sort(), `namespace ${ns}`).toEqual(keys(b.en[ns] ?? {}).sort())
    }
  })

  test('no value is empty, and every Chinese value differs from the English one unless it holds no words', () => {
    for (const ns of Object.keys(b.en)) {
      const en = b.en[ns] ?? {}
      const zh = b['zh-CN'][ns] ?? {}
      for (const k of keys(en)) {
        const get = (o: Record<string, unknown>) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)
        const e = String(get(en))
        const z = String(get(zh))
        expect(e.trim(), `${ns}:${k} (en)`).not.toBe('')
        expect(z.trim(), `${ns}:${k} (zh-CN)`).not.toBe('')
        if (/[A-Za-z]{3,}/.test(e.replace(/\{\{[^}]+\}\}/g, '')) && !/^(CSV|API|JSON|ID|SKU|E-mail)$/.test(e)) expect(z, `${ns}:${k} is not translated`).not.toBe(e)
      }
    }
  })

  test('interpolations match: both languages use the same {{placeholders}} in each string', () => {
    for (const ns of Object.keys(b.en)) {
      for (const k of keys(b.en[ns] ?? {})) {
        const get = (o: Record<string, unknown>) => String(k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o))
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
        expect(vars(get(b['zh-CN'][ns] ?? {})), `${ns}:${k}`).toEqual(vars(get(b.en[ns] ?? {})))
      }
    }
  })
})
