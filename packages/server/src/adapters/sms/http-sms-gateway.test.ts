import { test } from 'node:test'
import assert from 'node:assert/strict'
import { smsGatewayContract } from './sms-gateway.contract.ts'
import { httpSmsGateway, SmsError } from './sms-gateway.ts'

smsGatewayContract('HTTP gateway', (g) => httpSmsGateway({ url: g.url, authHeader: g.authHeader, sender: 'Rapport' }))

test('HTTP gateway: an address nothing listens on is a temporary failure naming the URL', async () => {
  const sms = httpSmsGateway({ url: 'http://127.0.0.1:9/messages', timeoutMs: 2000 })
  await assert.rejects(sms.send({ to: '+8613800138000', text: 'x', reference: 'r' }), (e: unknown) => e instanceof SmsError && e.kind === 'temporary' && e.message.includes('127.0.0.1:9'))
})
