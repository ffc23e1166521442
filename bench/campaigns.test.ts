import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { backends } from '../packages/server/test/backends.ts'
import type { Db } from '../packages/server/src/store/db.ts'
import { campaignsReport } from './campaigns/campaigns-report.ts'
import { runBackend, type BackendRun } from './campaigns/run-backend.ts'
import { startSmtpSink, type SmtpSink } from './campaigns/sink-client.ts'

const CUSTOMERS = 400

for (const backend of backends()) {
  describe(`campaigns benchmark at ${CUSTOMERS} customers on ${backend.name}`, () => {
    let db: Db
    let sink: SmtpSink
    let run: BackendRun
    before(async () => {
      db = await backend.open()
      sink = await startSmtpSink()
      run = await runBackend(db, backend.name, CUSTOMERS, sink, () => undefined, { rawRuns: 2, analyze: false })
    })
    after(async () => {
      await sink?.stop()
      await db?.close()
    })

    test('the plan excludes the suppressed and the capped customers and holds out about 10 %', () => {
      assert.equal(run.plan.audience, CUSTOMERS)
      assert.equal(run.plan.excluded.suppressed, 2)
      assert.equal(run.plan.excluded.frequency_cap, 4)
      assert.ok(run.plan.holdout > 10 && run.plan.holdout < 70, `${run.plan.holdout} held out`)
      assert.equal(run.plan.treated, CUSTOMERS - 6 - run.plan.holdout)
    })

    test('every treated recipient was sent and received exactly once, under its ledger Message-ID', () => {
      assert.equal(run.send.outcome, 'done')
      assert.deepEqual(run.send.states, { sent: run.plan.treated })
      assert.equal(run.send.received, run.plan.treated)
      assert.equal(run.send.receivedDistinct, run.plan.treated)
      assert.equal(run.send.missing, 0)
      assert.equal(run.send.unexpected, 0)
    })

    test('each raw nodemailer run (stock and TCP_NODELAY sockets, before and after the sender) delivered as many distinct messages as there are treated recipients', () => {
      assert.deepEqual(run.raw.map((r) => r.sockets), ['stock', 'nodelay', 'stock', 'nodelay'])
      for (const r of run.raw) assert.deepEqual([r.messages, r.received, r.receivedDistinct], [run.plan.treated, run.plan.treated, run.plan.treated])
    })

    test('the breakdown counted every message and batch of the send', () => {
      assert.equal(run.send.breakdown.sends, run.plan.treated)
      // A rolling window: claims of 1 to 20 (the concurrency) rows, at least ceil(treated / 20) of them.
      assert.ok(run.send.breakdown.batches >= Math.ceil(run.plan.treated / 20) && run.send.breakdown.batches <= run.plan.treated, `${run.send.breakdown.batches} claims`)
      // Database and sending overlap, so each busy time (not their sum) is bounded by the send's wall time.
      assert.ok(run.send.breakdown.dbSeconds <= run.send.sendSeconds * 1.01)
      assert.ok(run.send.breakdown.smtpSeconds <= run.send.sendSeconds * 1.01)
    })

    test('the report judges the issue\'s targets at this size only as "would be", never met or MISSED', () => {
      const rows = campaignsReport([run], { wallSeconds: 1 }).split('\n').filter((l) => /\| (planning|sender, start|sender ÷ raw)/.test(l))
      assert.equal(rows.length, 4)
      for (const row of rows) assert.match(row, /\| would be (met|missed) \(not the issue's size\) \|$/)
    })
  })
}
