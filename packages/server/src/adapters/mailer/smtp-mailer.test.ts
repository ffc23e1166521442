import { test } from 'node:test'
import assert from 'node:assert/strict'
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'
import { closedPort } from '../../../test/closed-port.ts'
import { mailerContract } from './mailer.contract.ts'
import { MailError } from './mailer.ts'
import { noDelaySocket, smtpMailer } from './smtp-mailer.ts'
import { startSmtpRecorder } from './smtp-recorder.ts'

mailerContract('SMTP (nodemailer pool)', (servers) => smtpMailer({ servers, maxConnections: 4 }))


test('SMTP: several servers share the sends in turn, and a server that is down is skipped', async () => {
  const a = await startSmtpRecorder()
  const b = await startSmtpRecorder()
  const down = await closedPort()
  const mailer = smtpMailer({ servers: [{ host: a.host, port: a.port }, { host: '127.0.0.1', port: down }, { host: b.host, port: b.port }], timeoutMs: 2000 })
  try {
    for (let i = 0; i < 9; i++) await mailer.send({ from: 'a@shop.example', to: `r${i}@example.com`, subject: 's', text: 't', messageId: `<r${i}@x>` })
    assert.equal(a.messages.length + b.messages.length, 9)
    assert.ok(a.messages.length >= 3 && b.messages.length >= 3, `${a.messages.length} / ${b.messages.length}`)
    await assert.rejects(mailer.verify(), (e: unknown) => e instanceof MailError && e.kind === 'temporary' && e.message.includes(`127.0.0.1:${down}`))
  } finally {
    await mailer.close()
    await a.close()
    await b.close()
  }
})

test('SMTP: refused connections, more of them than the pool has connections, each fail at once; when the server is back, sends go through', async () => {
  const port = await closedPort()
  const mailer = smtpMailer({ servers: [{ host: '127.0.0.1', port }], maxConnections: 2, timeoutMs: 2000 })
  const mail = (i: number) => ({ from: 'a@shop.example', to: `r${i}@example.com`, subject: 's', text: 't', messageId: `<down${i}@x>` })
  let server: Awaited<ReturnType<typeof startSmtpRecorder>> | undefined
  try {
    // A pool that lost track of a failed connection would keep its slot taken: the third send would wait forever.
    for (let i = 0; i < 6; i++) {
      const started = Date.now()
      await assert.rejects(mailer.send(mail(i)), (e: unknown) => e instanceof MailError && e.kind === 'temporary')
      assert.ok(Date.now() - started < 5000, `send ${i} took ${Date.now() - started} ms to fail`)
    }
    server = await startSmtpRecorder({ port })
    for (let i = 0; i < 4; i++) await mailer.send(mail(10 + i))
    assert.equal(server.messages.length, 4)
  } finally {
    await mailer.close()
    await server?.close()
  }
})

test('SMTP: wrong credentials are a permanent failure; right ones send', async () => {
  const server = await startSmtpRecorder({ auth: { user: 'shop', pass: 'secret' } })
  const wrong = smtpMailer({ servers: [{ host: server.host, port: server.port, auth: { user: 'shop', pass: 'nope' } }] })
  const right = smtpMailer({ servers: [{ host: server.host, port: server.port, auth: { user: 'shop', pass: 'secret' } }] })
  try {
    await assert.rejects(wrong.verify(), (e: unknown) => e instanceof MailError && e.kind === 'permanent' && e.responseCode === 535)
    await right.send({ from: 'a@shop.example', to: 'x@example.com', subject: 's', text: 't', messageId: '<auth@x>' })
    assert.equal(server.messages.length, 1)
  } finally {
    await wrong.close()
    await right.close()
    await server.close()
  }
})

test('SMTP: no server configured is refused up front', () => {
  assert.throws(() => smtpMailer({ servers: [] }), (e: unknown) => e instanceof MailError && e.kind === 'permanent')
})

test('the recorder (and so the built-in catcher) keeps serving after a client resets its connection mid-session', async () => {
  const server = await startSmtpRecorder()
  const mailer = smtpMailer({ servers: [{ host: server.host, port: server.port }] })
  try {
    const raw = connect(server.port, '127.0.0.1')
    await new Promise<void>((r) => raw.once('data', () => r()))
    raw.write('EHLO killed.example\r\nMAIL FROM:<a@shop.example>\r\n')
    await new Promise((r) => setTimeout(r, 50))
    raw.resetAndDestroy()
    for (let i = 0; i < 50 && server.connectionErrors.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    assert.ok(server.connectionErrors.some((e) => /ECONNRESET/.test(e)), server.connectionErrors.join('; '))
    await mailer.send({ from: 'a@shop.example', to: 'after@example.com', subject: 's', text: 't', messageId: '<after@x>' })
    assert.equal(server.messages.at(-1)?.messageId, '<after@x>')
  } finally {
    await mailer.close()
    await server.close()
  }
})

test('the pool\'s sockets hold the writes of one tick and send them together on the next (one segment with Nagle off)', async () => {
  const received: string[] = []
  const server = createServer((c) => c.on('data', (d: Buffer) => received.push(d.toString())))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  let socket: Socket | undefined
  try {
    socket = await new Promise<Socket>((resolve, reject) => noDelaySocket(2000)({ host: '127.0.0.1', port }, (err, o) => (err || !o?.connection ? reject(err ?? new Error('no socket')) : resolve(o.connection))))
    for (const part of ['DATA part 1\r\n', 'part 2\r\n', 'part 3\r\n']) socket.write(part)
    assert.equal(socket.writableCorked, 1, 'held until the tick ends')
    await new Promise((r) => process.nextTick(r))
    assert.equal(socket.writableCorked, 0)
    for (let i = 0; i < 100 && received.join('').length < 31; i++) await new Promise((r) => setTimeout(r, 10))
    assert.equal(received.join(''), 'DATA part 1\r\npart 2\r\npart 3\r\n')
  } finally {
    socket?.destroy()
    await new Promise((r) => server.close(r))
  }
})
