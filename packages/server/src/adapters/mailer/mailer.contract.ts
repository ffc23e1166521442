import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { MailError, type Mailer } from './mailer.ts'
import { startSmtpRecorder, type SmtpRecorder } from './smtp-recorder.ts'

/**
 * What every e-mail driver must do, checked against a real SMTP server on loopback (smtp-recorder.ts):
 * deliver each message once with its Message-ID, headers and UTF-8 text intact, under concurrency; say
 * whether a failure is temporary or permanent.
 */
export function mailerContract(name: string, make: (servers: Array<{ host: string; port: number; auth?: { user: string; pass: string } }>) => Mailer): void {
  describe(`mailer contract: ${name}`, () => {
    let server: SmtpRecorder
    let mailer: Mailer
    before(async () => {
      server = await startSmtpRecorder()
      mailer = make([{ host: server.host, port: server.port }])
    })
    after(async () => {
      await mailer?.close()
      await server?.close()
    })

    const mail = (i: number) => ({
      from: 'Rapport <news@shop.example>', to: `c${i}@example.com`, subject: `你好 ${i} — spring offers`,
      text: `Hello ${i}, 春季新品`, html: `<p>Hello ${i}, <b>春季新品</b></p>`, messageId: `<c${i}.campaign7@rapport.example>`,
      headers: { 'List-Unsubscribe': `<https://shop.example/u/${i}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    })

    test('verify answers for a server that is up', async () => {
      await mailer.verify()
    })

    test('a message arrives once, with its Message-ID, headers and UTF-8 subject and bodies', async () => {
      const before = server.messages.length
      const sent = await mailer.send(mail(1))
      assert.equal(sent.messageId, '<c1.campaign7@rapport.example>')
      assert.match(sent.response, /^250/)
      const got = server.messages.slice(before)
      assert.equal(got.length, 1)
      assert.deepEqual(got[0]?.to, ['c1@example.com'])
      assert.equal(got[0]?.messageId, '<c1.campaign7@rapport.example>')
      assert.equal(got[0]?.subject, '你好 1 — spring offers')
      assert.equal(got[0]?.text?.trim(), 'Hello 1, 春季新品')
      assert.match(got[0]?.html ?? '', /<b>春季新品<\/b>/)
      assert.equal(got[0]?.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click')
      assert.equal(got[0]?.headers['list-unsubscribe'], '<https://shop.example/u/1>')
    })

    test('200 messages sent concurrently over the pool each arrive exactly once', async () => {
      const before = server.messages.length
      await Promise.all(Array.from({ length: 200 }, (_, i) => mailer.send(mail(1000 + i))))
      const ids = server.messages.slice(before).map((m) => m.messageId)
      assert.equal(ids.length, 200)
      assert.equal(new Set(ids).size, 200)
    })

    test('a 4xx reply is a temporary failure and a 5xx reply a permanent one, with the reply code', async () => {
      server.refuseNext(1, 451)
      const soft = await mailer.send(mail(2)).then(() => assert.fail('sent'), (e: unknown) => e as MailError)
      assert.ok(soft instanceof MailError)
      assert.deepEqual([soft.kind, soft.responseCode], ['temporary', 451])
      server.refuseNext(1, 550)
      const hard = await mailer.send(mail(3)).then(() => assert.fail('sent'), (e: unknown) => e as MailError)
      assert.deepEqual([hard.kind, hard.responseCode], ['permanent', 550])
      // Service resumes: the next message goes through.
      await mailer.send(mail(4))
    })
  })
}
