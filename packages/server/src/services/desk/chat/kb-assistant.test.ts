import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { DEMO_KB_ARTICLES } from '../../demo/demo-kb-articles.ts'
import { createKbArticle, updateKbArticle } from '../../knowledge/kb-articles-service.ts'
import { createWorkspace } from '../../workspaces/workspaces.ts'
import { askKnowledgeBase } from './kb-assistant.ts'
import { DEFAULT_CHAT_POLICY } from './chat-widget-input.ts'

const policy = { minConfidence: DEFAULT_CHAT_POLICY.min_confidence, minRetrievalShare: DEFAULT_CHAT_POLICY.min_retrieval_share, clarifyMargin: DEFAULT_CHAT_POLICY.clarify_margin }

// Customer wordings that are in none of the articles' questions, each with the article that answers it. The first
// one went to order tracking at first: only that article's questions said "parcel", so the shipping-time article got
// "When will my parcel arrive?" among its questions (a help centre should speak its customers' words).
const UNSEEN: Array<[lang: 'en' | 'zh', question: string, article: string]> = [
  ['en', 'how many days until my parcel gets here?', 'demo-kb-shipping-time-en'],
  ['en', 'I forgot the password to my account, what now?', 'demo-kb-password-reset-en'],
  ['en', 'do you accept Alipay for payment?', 'demo-kb-payment-methods-en'],
  ['zh', '快递几天能送到？', 'demo-kb-shipping-time-zh'],
  ['zh', '密码忘了登不上去怎么办', 'demo-kb-password-reset-zh'],
  ['zh', '能不能开个发票给我', 'demo-kb-invoice-zh'],
]

for (const backend of backends()) {
  describe(`chat assistant over the demo help centre on ${backend.name}`, () => {
    let db: Db
    let ws = 0
    const ids = new Map<string, number>()
    before(async () => {
      db = await backend.open()
      ws = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-assistant' })).id
      for (const a of DEMO_KB_ARTICLES) ids.set(a.external_id, (await createKbArticle(db, systemActor(ws), { ...a, questions: [...a.questions], status: 'published' })).id)
    })
    after(async () => db?.close())

    for (const [lang, question, article] of UNSEEN) {
      test(`(${lang}) "${question}" is answered with ${article} under the default policy`, async () => {
        const a = await askKnowledgeBase(db, ws, lang, question, policy)
        assert.equal(a.action, 'answer', JSON.stringify(a))
        assert.equal(a.action === 'answer' ? a.article.id : null, ids.get(article))
      })
    }

    test('a question the help centre does not cover is handed off', async () => {
      const a = await askKnowledgeBase(db, ws, 'en', 'What is the weather like on Mars tomorrow?', policy)
      assert.equal(a.action, 'hand_off', JSON.stringify(a))
    })

    test('an unpublished article stops being answered at once (the cached copy is rebuilt)', async () => {
      const id = ids.get('demo-kb-invoice-zh') ?? 0
      await updateKbArticle(db, systemActor(ws), id, { status: 'draft' })
      const a = await askKnowledgeBase(db, ws, 'zh', '能不能开个发票给我', policy)
      assert.ok(a.action !== 'answer' || a.article.id !== id, JSON.stringify(a))
      await updateKbArticle(db, systemActor(ws), id, { status: 'published' })
    })

    test('a language without two published articles hands every question off (no_articles)', async () => {
      const other = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-assistant-empty' })).id
      await createKbArticle(db, systemActor(other), { lang: 'en', title: 'Only one', body: 'Only answer', status: 'published' })
      assert.deepEqual(await askKnowledgeBase(db, other, 'en', 'Only one', policy), { action: 'hand_off', reason: 'no_articles' })
    })
  })
}
