import { test } from 'node:test'
import assert from 'node:assert/strict'
import { kbArticleInput } from '../knowledge/kb-article-input.ts'
import { DEMO_KB_ARTICLES, type DemoKbArticle } from './demo-kb-articles.ts'

const TOPICS = [
  'shipping-time', 'shipping-cost', 'order-tracking', 'change-address', 'cancel-order', 'returns', 'refund-time',
  'exchange', 'payment-methods', 'invoice', 'warranty', 'points', 'promo-code', 'password-reset',
] as const
const LANGS = ['en', 'zh'] as const
const LIMITS = { title: 300, question: 300, body: 2000 }

const HAN = /\p{Script=Han}/u
// Han characters, CJK punctuation (、。「」) and full-width forms (，？！￥): none belong in an English article.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u
// The same question asked with other punctuation, spacing or case is still the same question.
const norm = (s: string): string => s.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '')
const label = (a: DemoKbArticle): string => a.external_id

test('there are 28 articles with unique external ids', () => {
  assert.equal(DEMO_KB_ARTICLES.length, TOPICS.length * LANGS.length)
  const ids = DEMO_KB_ARTICLES.map((a) => a.external_id)
  assert.equal(new Set(ids).size, ids.length, 'external ids are unique')
})

test('every topic is written in both languages, with the id demo-kb-<topic>-<lang>', () => {
  const ids = new Set(DEMO_KB_ARTICLES.map((a) => a.external_id))
  for (const topic of TOPICS) for (const lang of LANGS) assert.ok(ids.has(`demo-kb-${topic}-${lang}`), `demo-kb-${topic}-${lang} is present`)
  for (const a of DEMO_KB_ARTICLES) {
    assert.ok(a.external_id.endsWith(`-${a.lang}`), `${label(a)}: the id ends with its language`)
    assert.ok(a.category.trim().length > 0, `${label(a)}: has a category`)
  }
})

test('each article has 6 to 8 distinct questions, none the same as its title', () => {
  for (const a of DEMO_KB_ARTICLES) {
    assert.ok(a.questions.length >= 6 && a.questions.length <= 8, `${label(a)}: ${a.questions.length} questions`)
    const seen = new Set<string>()
    for (const q of a.questions) {
      assert.notEqual(norm(q), norm(a.title), `${label(a)}: "${q}" repeats the title`)
      assert.ok(!seen.has(norm(q)), `${label(a)}: "${q}" appears twice`)
      seen.add(norm(q))
    }
  }
})

test('no question or title is shared by two articles of the same language', () => {
  for (const lang of LANGS) {
    const owner = new Map<string, string>()
    for (const a of DEMO_KB_ARTICLES.filter((x) => x.lang === lang)) {
      for (const q of [a.title, ...a.questions]) {
        const other = owner.get(norm(q))
        assert.ok(other === undefined || other === a.external_id, `"${q}" is in both ${other} and ${a.external_id}`)
        owner.set(norm(q), a.external_id)
      }
    }
  }
})

test('no question asks for a person: handing off is handled elsewhere', () => {
  const person = /\b(human|agent|person|representative|operator|staff)\b|人工|真人|客服/i
  for (const a of DEMO_KB_ARTICLES) for (const q of [a.title, ...a.questions]) assert.doesNotMatch(q, person, `${label(a)}: "${q}"`)
})

test('titles, questions and bodies are trimmed, non-empty and within the length limits', () => {
  const check = (a: DemoKbArticle, what: string, s: string, max: number) => {
    assert.ok(s.length > 0 && s.length <= max, `${label(a)}: ${what} has ${s.length} characters (at most ${max})`)
    assert.equal(s, s.trim(), `${label(a)}: ${what} is trimmed`)
  }
  for (const a of DEMO_KB_ARTICLES) {
    check(a, 'the title', a.title, LIMITS.title)
    for (const q of a.questions) check(a, `question "${q}"`, q, LIMITS.question)
    check(a, 'the body', a.body, LIMITS.body)
  }
})

test('each body is plain text of 2 to 4 sentences', () => {
  for (const a of DEMO_KB_ARTICLES) {
    assert.doesNotMatch(a.body, /<[a-z/][^>]*>/i, `${label(a)}: the body has no HTML`)
    const sentences = a.body.split(/(?<=[.!?。！？])\s*/u).filter((s) => s.trim() !== '')
    assert.ok(sentences.length >= 2 && sentences.length <= 4, `${label(a)}: ${sentences.length} sentences`)
  }
})

test('Chinese articles are written in Chinese and English articles have no Chinese characters', () => {
  for (const a of DEMO_KB_ARTICLES) {
    for (const [what, s] of [['title', a.title], ['body', a.body], ['category', a.category], ...a.questions.map((q) => [`question "${q}"`, q])] as const) {
      if (a.lang === 'zh') assert.match(s, HAN, `${label(a)}: the ${what} has Chinese characters`)
      else assert.doesNotMatch(s, CJK, `${label(a)}: the ${what} has no Chinese characters or full-width punctuation`)
    }
  }
})

test('the English and Chinese answers of a topic state the same numbers', () => {
  const numbers = (s: string) => [...new Set(s.match(/\d+/g) ?? [])].sort()
  for (const topic of TOPICS) {
    const [en, zh] = LANGS.map((lang) => DEMO_KB_ARTICLES.find((a) => a.external_id === `demo-kb-${topic}-${lang}`))
    assert.ok(en && zh, `${topic} is in both languages`)
    assert.deepEqual(numbers(zh.body), numbers(en.body), `${topic}: the numbers in the two answers`)
  }
})

test('every article is accepted by the knowledge-base article validation', () => {
  for (const a of DEMO_KB_ARTICLES) {
    const parsed = kbArticleInput.safeParse({ ...a, status: 'published' })
    assert.ok(parsed.success, `${label(a)}: ${parsed.error?.message ?? ''}`)
  }
})
