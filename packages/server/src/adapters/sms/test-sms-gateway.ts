import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedSms {
  to: string
  text: string
  reference: string
  sender?: string
  headers: IncomingMessage['headers']
}

export interface TestSmsGateway {
  url: string
  received: ReceivedSms[]
  /** The next `count` requests answer `status` (e.g. 503 or 400). */
  failNext(count: number, status: number): void
  close(): Promise<void>
}

/**
 * An HTTP SMS gateway on loopback for tests and development: it checks the credential header, records each
 * message and answers `{ id }`; it can be told to fail the next requests with a status.
 */
export async function startTestSmsGateway(opts: { authHeader?: { name: string; value: string } } = {}): Promise<TestSmsGateway> {
  const received: ReceivedSms[] = []
  let failures = 0
  let failStatus = 503
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (opts.authHeader && req.headers[opts.authHeader.name.toLowerCase()] !== opts.authHeader.value) return answer(401, { error: 'bad credentials' })
      if (failures > 0) {
        failures--
        return answer(failStatus, { error: 'refused for the test' })
      }
      let body: ReceivedSms
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms
      } catch {
        return answer(400, { error: 'not JSON' })
      }
      if (typeof body.to !== 'string' || !/^\+?[0-9 ]{6,20}$/.test(body.to)) return answer(400, { error: `bad number ${String(body.to)}` })
      received.push({ ...body, headers: req.headers })
      answer(200, { id: `sms-${received.length}` })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/messages`,
    received,
    failNext(count, status) {
      failures = count
      failStatus = status
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
