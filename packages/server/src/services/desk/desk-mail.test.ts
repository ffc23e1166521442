import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import nodemailer from 'nodemailer'
import { backends } from '../../../test/backends.ts'
import type { Queue } from '../../adapters/queue/index.ts'
import { smtpMailer } from '../../adapters/mailer/smtp-mailer.ts'
import type { Mailer } from '../../adapters/mailer/mailer.ts'
import { startSmtpRecorder, type SmtpRecorder } from '../../adapters/mailer/smtp-recorder.ts'
import type { InboundSmtp } from '../../adapters/mailer/inbound-smtp.ts'
import { startDeskMailListener } from '../../app/desk-mail-listener.ts'
import type { Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { configureChannels } from '../campaigns/channels.ts'
import { addMessage, getConversation, updateConversation } from './conversations-service.ts'
import { answerCsat, csatTarget } from './csat.ts'
import { deskWorkspace } from './desk-fixture.ts'

const DOMAIN = 'desk.test'

for (const backend of backends()) {
  describe(`desk e-mail in and out on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let agent: Actor
    let listener: InboundSmtp
    let outbound: SmtpRecorder
    let mailer: Mailer | undefined
    const queued: unknown[] = []
    const queue = { enqueue: async (kind: string, payload: unknown) => { queued.push({ kind, payload }); return String(queued.length) } } as unknown as Queue
    const send = (mail: nodemailer.SendMailOptions) => nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail(mail)
    const inbound = () => db.query<{ ticket_id: string | null; error: string | null; size: number }>(`SELECT ticket_id, error, size FROM desk_inbound_mail WHERE workspace_id = $1 ORDER BY id`, [ws])

    before(async () => {
      db = await backend.open()
      const w = await deskWorkspace(db, 'mailtest', ['agent'])
      ws = w.ws
      agent = w.people[0] as Actor
      listener = await startDeskMailListener(db, queue, { port: 0, domain: DOMAIN, log: () => {} })
      outbound = await startSmtpRecorder()
      mailer = smtpMailer({ servers: [{ host: '127.0.0.1', port: outbound.port }], maxConnections: 1 })
      configureChannels({ email: { mailer, label: 'recorder' }, sms: null, publicUrl: 'http://rapport.test', deskMailDomain: DOMAIN })
    })
    after(async () => {
      configureChannels(null)
      // The pool's idle connection would hold the recorder's close for its 30 s timeout.
      await mailer?.close()
      await listener?.close()
      await outbound?.close()
      await db?.close()
    })

    test('a new e-mail opens a conversation for a new customer; the reply goes out threaded; the answer joins the same conversation', async () => {
      await send({ from: '"Zhang Wei" <zhang@example.com>', to: `mailtest@${DOMAIN}`, subject: '快递还没到', text: '我的订单已经一周了还没到。', messageId: '<first.1@example.com>' })
      const [row] = await inbound()
      assert.ok(row?.ticket_id, JSON.stringify(row))
      const id = Number(row.ticket_id)
      const c = await getConversation(db, agent, id)
      assert.deepEqual([c.channel, c.status, c.subject, c.customer_name, c.messages[0]?.body], ['email', 'new', '快递还没到', 'Zhang Wei', '我的订单已经一周了还没到。'])
      const [cust] = await db.query<{ email: string }>(`SELECT email FROM customers WHERE workspace_id = $1 AND id = $2`, [ws, c.customer_internal_id])
      assert.equal(cust?.email, 'zhang@example.com')
      assert.deepEqual(queued.at(-1), { kind: 'desk.triage', payload: { ticket_ids: [id] } })

      const replied = await addMessage(db, agent, id, { author: 'agent', body: '您好，包裹明天送达。' })
      assert.equal(replied.messages.at(-1)?.delivery, 'sent', JSON.stringify(replied.messages.at(-1)))
      const out = outbound.messages.at(-1)
      assert.ok(out)
      assert.deepEqual([out.to, out.subject, out.text?.trim()], [['zhang@example.com'], 'Re: 快递还没到', '您好，包裹明天送达。'])
      assert.equal(out.headers['in-reply-to'], '<first.1@example.com>')
      assert.match(out.headers.from ?? '', new RegExp(`mailtest@${DOMAIN.replace('.', '\\.')}`))
      // The header the built-in catcher files mail under (the demo's Outbox).
      assert.equal(out.headers['x-rapport-workspace'], String(ws))

      await send({ from: 'zhang@example.com', to: `mailtest@${DOMAIN}`, subject: 'Re: 快递还没到', text: '谢谢！', inReplyTo: out.messageId, references: ['<first.1@example.com>', out.messageId ?? ''] })
      const thread = await getConversation(db, agent, id)
      assert.deepEqual(thread.messages.map((m) => m.author), ['customer', 'agent', 'customer'])
      assert.equal(thread.status, 'open', 'the answer reopens the conversation that waited on the customer')
      assert.ok(thread.waiting_since)
      assert.equal((await inbound()).length, 2)
    })

    test('the same message delivered twice is filed once; mail to an unknown address is refused at RCPT TO', async () => {
      const mail = { from: 'li@example.com', to: `mailtest@${DOMAIN}`, subject: 'Invoice', text: 'Please send the fapiao.', messageId: '<dup.7@example.com>' }
      await send(mail)
      await send(mail)
      const rows = await inbound()
      assert.equal(rows.at(-1)?.ticket_id, rows.at(-2)?.ticket_id, 'both copies point at one conversation')
      const [{ n } = { n: '0' }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ticket_messages WHERE workspace_id = $1 AND message_id = '<dup.7@example.com>'`, [ws])
      assert.equal(Number(n), 1)
      await assert.rejects(send({ ...mail, to: `nobody@${DOMAIN}`, messageId: '<x@example.com>' }), (e: { responseCode?: number }) => e.responseCode === 550)
    })

    test('a message without a sender is kept raw with the reason; a text over the limit is refused with 552 and kept too', async () => {
      const before = (await inbound()).length
      await nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true })
        .sendMail({ envelope: { from: '', to: `mailtest@${DOMAIN}` }, raw: 'Subject: no sender\r\n\r\nhello\r\n' })
      const kept = (await inbound()).at(-1)
      assert.equal((await inbound()).length, before + 1)
      assert.deepEqual([kept?.ticket_id, /no sender address/.test(kept?.error ?? '')], [null, true])
      await assert.rejects(send({ from: 'big@example.com', to: `mailtest@${DOMAIN}`, subject: 'log', text: 'x'.repeat(100_001) }), (e: { responseCode?: number }) => e.responseCode === 552)
      const big = (await inbound()).at(-1)
      assert.match(big?.error ?? '', /100001 characters/)
      assert.ok((big?.size ?? 0) > 100_000, 'the raw message is stored')
    })

    test('solving an e-mail conversation asks the customer once for a rating through a signed link; the first answer counts', async () => {
      await send({ from: 'wu@example.com', to: `mailtest@${DOMAIN}`, subject: 'Size', text: 'Which size should I take?', messageId: '<size.1@example.com>' })
      const id = Number((await inbound()).at(-1)?.ticket_id)
      const before = outbound.messages.length
      await updateConversation(db, agent, id, { status: 'solved' })
      await updateConversation(db, agent, id, { status: 'open' })
      await updateConversation(db, agent, id, { status: 'solved' })
      const asks = outbound.messages.slice(before)
      assert.equal(asks.length, 1, 'asked once, though solved twice')
      const link = /http:\/\/rapport\.test\/t\/s\/(\S+)/.exec(asks[0]?.text ?? '')
      assert.ok(link, asks[0]?.text)
      const token = link[1] ?? ''
      assert.deepEqual(await csatTarget(db, token), { workspaceId: ws, ticketId: id, workspaceName: 'mailtest', lang: 'en', rating: null })
      assert.equal((await answerCsat(db, token, 4, ' helpful ')).rating, 4)
      assert.equal((await answerCsat(db, token, 1, 'changed my mind')).rating, 4, 'the first answer counts')
      const [row] = await db.query<{ rating: number; comment: string; delivery: string }>(`SELECT rating, comment, delivery FROM desk_csat WHERE workspace_id = $1 AND ticket_id = $2`, [ws, id])
      assert.deepEqual([Number(row?.rating), row?.comment, row?.delivery], [4, 'helpful', 'sent'])
      const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
      await assert.rejects(csatTarget(db, forged), (e: { code?: string }) => e.code === 'validation_failed')
      await assert.rejects(answerCsat(db, token, 6, ''), (e: { code?: string }) => e.code === 'validation_failed')
    })
  })
}
