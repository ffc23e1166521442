import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { buildApp } from '../../../src/api/build-app.ts'
import { attachApp, errorOf, queueOf, workspace, type ApiContext, type Client, type Reply } from '../harness.ts'

const SHOP = 'https://shop.example.com'

const ARTICLES = [
  { title: 'How long does delivery take?', questions: ['When will my parcel arrive?', 'How many days is shipping?', 'delivery time for my order', 'how fast do you ship'],
    body: '<p>Orders arrive in <b>2–4 working days</b> within China.</p>' },
  { title: 'How do I reset my password?', questions: ['I forgot my password', 'cannot log in to my account', 'change my account password', 'password reset link'],
    body: 'Use "Forgot password" on the sign-in page; the link is valid for 30 minutes.' },
  { title: 'Which payment methods do you accept?', questions: ['can I pay with Alipay', 'do you take credit cards', 'pay by WeChat Pay', 'payment options'],
    body: 'Alipay, WeChat Pay, UnionPay and Visa/Mastercard.' },
  { title: 'How do I return a pair of shoes?', questions: ['return shoes that do not fit', 'send back shoes', 'shoes return label'],
    body: 'Shoes: print the label in your orders page and drop the box at any courier point.' },
  { title: 'How do I return a shirt?', questions: ['return a shirt that does not fit', 'send back a shirt', 'shirt return label'],
    body: 'Shirts: print the label in your orders page; shirts must be unworn with the tags on.' },
]
const ZH_ARTICLES = [
  { title: '多久能收到货？', questions: ['什么时候发货', '快递几天到', '配送需要几天', '包裹什么时候到'], body: '国内订单一般 2–4 个工作日送达。' },
  { title: '如何修改密码？', questions: ['忘记密码怎么办', '登录不了账号', '重置密码', '怎么改密码'], body: '在登录页点击“忘记密码”，链接 30 分钟内有效。' },
  { title: '支持哪些付款方式？', questions: ['可以用支付宝吗', '能用微信支付吗', '支持信用卡吗', '付款方式有哪些'], body: '支持支付宝、微信支付、银联和 Visa/Mastercard。' },
]

/**
 * The embeddable chat over HTTP: settings, origin and site-key checks, answers from published articles, a clarifying
 * question between close articles, hand-off to a conversation with the transcript (asked for, or unhappy), agents'
 * replies visible to the visitor, the visitor's e-mail, and the rate limit.
 */
export function chatWidgetSuite(ctx: () => ApiContext): void {
  describe('chat widget', () => {
    let api: Client & { id: number }
    let other: Client & { id: number }
    let siteKey = ''
    let otherKey = ''

    const widget = async (path: string, opts: { key?: string; token?: string; origin?: string | null; body?: unknown } = {}): Promise<Reply> => {
      const headers: Record<string, string> = { 'x-rapport-site-key': opts.key ?? siteKey }
      if (opts.origin !== null) headers.origin = opts.origin ?? SHOP
      if (opts.token) headers.authorization = `Bearer ${opts.token}`
      const res = await ctx().app.inject({ method: 'POST', url: `/widget/v1/${path}`, headers, payload: (opts.body ?? {}) as object })
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, text: res.body }
    }
    const start = async (lang: 'en' | 'zh' = 'en'): Promise<string> => {
      const r = await widget('sessions', { body: { lang } })
      assert.equal(r.status, 201, r.text)
      return r.body.token
    }
    const say = async (token: string, text: string) => {
      const r = await widget('messages', { token, body: { text } })
      assert.equal(r.status, 200, r.text)
      return r.body
    }

    before(async () => {
      api = await workspace(ctx().db, 'chat-a')
      other = await workspace(ctx().db, 'chat-b')
      for (const a of ARTICLES) assert.equal((await api('POST', '/api/v1/kb/articles', { lang: 'en', status: 'published', ...a })).status, 201)
      for (const a of ZH_ARTICLES) assert.equal((await api('POST', '/api/v1/kb/articles', { lang: 'zh', status: 'published', ...a })).status, 201)
      await api('POST', '/api/v1/kb/articles', { lang: 'en', status: 'draft', title: 'Secret launch date', body: 'The new line launches on 1 May.' })
      siteKey = (await api('GET', '/api/v1/desk/widget')).body.site_key
      otherKey = (await other('GET', '/api/v1/desk/widget')).body.site_key
    })

    test('the settings name the site key; an origin with a path is refused naming its index; a valid one is stored as an origin', async () => {
      assert.match(siteKey, /^pk_[A-Za-z0-9_-]{20,}$/)
      const bad = await api('PATCH', '/api/v1/desk/widget', { allowed_origins: ['https://shop.example.com/checkout'] })
      assert.equal(bad.status, 400)
      assert.equal(errorOf(bad).details?.[0]?.path, 'body.allowed_origins.0')
      const ok = await api('PATCH', '/api/v1/desk/widget', { allowed_origins: [`${SHOP}/`], min_confidence: 0.3 })
      assert.equal(ok.status, 200, ok.text)
      assert.deepEqual(ok.body.allowed_origins, [SHOP])
      const audit = await api('GET', '/api/v1/audit?entity=chat_widgets')
      assert.ok(audit.body.data.some((r: { action: string }) => r.action === 'update'), audit.text)
    })

    test('unknown site keys, disallowed origins and requests without an Origin are refused; an allowed origin gets CORS headers', async () => {
      assert.equal((await widget('sessions', { key: 'pk_unknownunknownunknown1' })).status, 404)
      const evil = await widget('sessions', { origin: 'https://evil.example.net' })
      assert.equal(evil.status, 403)
      assert.match(errorOf(evil).message, /evil\.example\.net/)
      assert.equal((await widget('sessions', { origin: null })).status, 403)
      const res = await ctx().app.inject({ method: 'POST', url: '/widget/v1/sessions', headers: { origin: SHOP, 'x-rapport-site-key': siteKey }, payload: {} })
      assert.equal(res.statusCode, 201)
      assert.equal(res.headers['access-control-allow-origin'], SHOP)
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin')
      const pre = await ctx().app.inject({ method: 'OPTIONS', url: '/widget/v1/messages', headers: { origin: SHOP, 'access-control-request-method': 'POST' } })
      assert.equal(pre.statusCode, 204)
      assert.match(String(pre.headers['access-control-allow-headers']), /x-rapport-site-key/)
      const js = await ctx().app.inject({ method: 'GET', url: '/widget/v1/chat-widget.js' })
      assert.equal(js.statusCode, 200)
      assert.match(String(js.headers['content-type']), /javascript/)
    })

    test('a question with a published answer gets it as plain text with its article; a draft is never revealed', async () => {
      const token = await start()
      const chat = await say(token, 'how many days does delivery take to arrive?')
      const answer = chat.messages.at(-1)
      assert.deepEqual([answer.author, answer.action, answer.article?.title], ['assistant', 'answer', 'How long does delivery take?'])
      assert.equal(answer.body, 'Orders arrive in 2–4 working days within China.')
      const zh = await say(await start('zh'), '我忘记密码了，怎么重置密码？')
      assert.deepEqual([zh.messages.at(-1).action, zh.messages.at(-1).article?.title], ['answer', '如何修改密码？'])
      const secret = await say(await start(), 'Secret launch date')
      assert.ok(secret.messages.every((m: { body: string }) => !m.body.includes('1 May')), JSON.stringify(secret))
    })

    test('two close articles get a clarifying question; the choice gets its answer, only an offered article can be chosen, neither hands off', async () => {
      const token = await start()
      const chat = await say(token, 'how do I return it, it does not fit')
      const q = chat.messages.at(-1)
      assert.equal(q.action, 'clarify', JSON.stringify(q))
      assert.deepEqual(q.choices.map((c: { title: string }) => c.title).sort(), ['How do I return a pair of shoes?', 'How do I return a shirt?'])
      const shirt = q.choices.find((c: { title: string }) => c.title.includes('shirt'))
      assert.equal((await widget('choice', { token, body: { article_id: shirt.article_id + 1000 } })).status, 400)
      const chosen = await widget('choice', { token, body: { article_id: shirt.article_id } })
      assert.equal(chosen.status, 200, chosen.text)
      assert.deepEqual([chosen.body.messages.at(-1).action, chosen.body.messages.at(-1).article.title], ['answer', 'How do I return a shirt?'])
      assert.equal((await widget('choice', { token, body: { article_id: null } })).status, 409)
      const again = await start()
      await say(again, 'how do I return it, it does not fit')
      const neither = await widget('choice', { token: again, body: { article_id: null } })
      assert.deepEqual([neither.body.status, neither.body.messages.at(-1).action], ['handed_off', 'hand_off'])
    })

    test('"我要找人工客服" hands off: a chat conversation with the transcript appears in the inbox; the agent\'s reply reaches the widget', async () => {
      const token = await start('zh')
      await say(token, '支持哪些付款方式？')
      const chat = await say(token, '我要找人工客服')
      assert.deepEqual([chat.status, chat.messages.at(-1).action], ['handed_off', 'hand_off'])
      const inbox = await api('GET', '/api/v1/desk/conversations?view=all&limit=50')
      const conv = inbox.body.data.find((c: { channel: string; subject: string }) => c.channel === 'chat' && c.subject === '支持哪些付款方式？')
      assert.ok(conv, inbox.text)
      const thread = (await api('GET', `/api/v1/desk/conversations/${conv.id}`)).body
      assert.deepEqual(thread.messages.map((m: { author: string }) => m.author), ['customer', 'assistant', 'customer', 'system'])
      assert.equal(thread.messages[2].body, '我要找人工客服')
      assert.match(thread.messages[3].body, /asked for a person/)
      const reply = await api('POST', `/api/v1/desk/conversations/${conv.id}/messages`, { author: 'agent', body: '您好，我是客服小李。' })
      assert.equal(reply.status, 201, reply.text)
      const seen = await widget('chat', { token })
      assert.deepEqual([seen.body.messages.at(-1).author, seen.body.messages.at(-1).body], ['agent', '您好，我是客服小李。'])
      await say(token, '好的，谢谢')
      const after = (await api('GET', `/api/v1/desk/conversations/${conv.id}`)).body
      assert.deepEqual([after.status, after.messages.at(-1).body], ['open', '好的，谢谢'])
      const notes = await api('POST', `/api/v1/desk/conversations/${conv.id}/messages`, { author: 'note', body: 'internal: VIP' })
      assert.equal(notes.status, 201)
      assert.ok((await widget('chat', { token })).body.messages.every((m: { body: string }) => m.body !== 'internal: VIP'))
    })

    test('an unhappy visitor is handed off; leaving an e-mail moves the conversation to that customer', async () => {
      const token = await start()
      const chat = await say(token, 'This is terrible, awful service, I am very angry and disappointed!')
      assert.equal(chat.status, 'handed_off', JSON.stringify(chat.messages.at(-1)))
      const bad = await widget('contact', { token, body: { email: 'not-an-address' } })
      assert.equal(errorOf(bad).details?.[0]?.path, 'body.email')
      const ok = await widget('contact', { token, body: { email: 'Angry@Example.com' } })
      assert.equal(ok.body.email_known, true)
      const list = (await api('GET', '/api/v1/desk/conversations?view=all&limit=50')).body.data
      const conv = list.find((c: { subject: string }) => c.subject.startsWith('This is terrible'))
      const customer = (await api('GET', `/api/v1/customers/${conv.customer_internal_id}`)).body
      assert.equal(customer.email, 'angry@example.com')
    })

    test('a chat token reads only its own chat, and not under another workspace\'s site key', async () => {
      const a = await start()
      await say(a, 'how fast do you ship')
      const b = await start()
      const bView = await widget('chat', { token: b })
      assert.equal(bView.body.messages.length, 0)
      await other('PATCH', '/api/v1/desk/widget', { allowed_origins: [SHOP] })
      assert.equal((await widget('chat', { token: a, key: otherKey })).status, 401)
      assert.equal((await widget('chat', { token: 'ct_forgedforgedforgedforged' })).status, 401)
      assert.equal((await widget('messages', { token: a, body: { text: 'x'.repeat(2001) } })).status, 400)
    })

    test('messages are stored as received (markup included) and returned as text', async () => {
      const token = await start()
      const xss = '<img src=x onerror=alert(1)><script>alert(2)</script> help'
      const chat = await say(token, xss)
      assert.equal(chat.messages[0].body, xss)
    })

    test('the report counts the assistant\'s answers and hand-offs', async () => {
      const r = await api('GET', `/api/v1/desk/reports?from=2020-01-01&to=${new Date(Date.now() + 86_400_000).toISOString()}`)
      assert.equal(r.status, 200, r.text)
      const a = r.body.assistant
      assert.ok(a.answered >= 3 && a.handed_off >= 3 && a.clarified >= 2, JSON.stringify(a))
      assert.equal(a.hand_off_reasons.asked_for_human >= 1, true)
      assert.ok(Math.abs(a.answer_rate - a.answered / a.decisions) < 1e-9)
    })

    test('the chat endpoints are rate-limited per address', async () => {
      const app = buildApp({ db: ctx().db, queue: queueOf(ctx().db), logger: false, widgetPerMinute: 3 })
      await app.ready()
      attachApp(app, ctx().db)
      try {
        const codes: number[] = []
        for (let i = 0; i < 5; i++) {
          codes.push((await app.inject({ method: 'POST', url: '/widget/v1/sessions', headers: { origin: SHOP, 'x-rapport-site-key': siteKey }, payload: {} })).statusCode)
        }
        assert.deepEqual(codes, [201, 201, 201, 429, 429])
      } finally {
        await app.close()
      }
    })
  })
}
