import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { SmsError, type SmsGateway } from './sms-gateway.ts'
import { startTestSmsGateway, type TestSmsGateway } from './test-sms-gateway.ts'

/** What every SMS driver must do, against the loopback gateway: deliver once with its reference, classify failures. */
export function smsGatewayContract(name: string, make: (gateway: { url: string; authHeader: { name: string; value: string } }) => SmsGateway): void {
  describe(`SMS gateway contract: ${name}`, () => {
    const authHeader = { name: 'x-api-key', value: 'k-123' }
    let gw: TestSmsGateway
    let sms: SmsGateway
    before(async () => {
      gw = await startTestSmsGateway({ authHeader })
      sms = make({ url: gw.url, authHeader })
    })
    after(async () => gw?.close())

    test('a message arrives once with its text (UTF-8) and reference, and the gateway id comes back', async () => {
      const sent = await sms.send({ to: '+86 138 0013 8000', text: '春季新品上市，回复退订', reference: 'c7-r1' })
      assert.equal(sent.providerId, 'sms-1')
      assert.equal(gw.received.length, 1)
      assert.deepEqual([gw.received[0]?.to, gw.received[0]?.text, gw.received[0]?.reference], ['+86 138 0013 8000', '春季新品上市，回复退订', 'c7-r1'])
    })

    test('503 and 429 are temporary, 400 is permanent; a wrong credential is permanent', async () => {
      for (const [status, kind] of [[503, 'temporary'], [429, 'temporary'], [400, 'permanent']] as const) {
        gw.failNext(1, status)
        const e = await sms.send({ to: '+8613800138000', text: 'x', reference: `f${status}` }).then(() => assert.fail('sent'), (x: unknown) => x as SmsError)
        assert.ok(e instanceof SmsError)
        assert.deepEqual([e.kind, e.status], [kind, status])
      }
      const wrong = make({ url: gw.url, authHeader: { name: 'x-api-key', value: 'wrong' } })
      const e = await wrong.send({ to: '+8613800138000', text: 'x', reference: 'w' }).then(() => assert.fail('sent'), (x: unknown) => x as SmsError)
      assert.deepEqual([e.kind, e.status], ['permanent', 401])
    })
  })
}
