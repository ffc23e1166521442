import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor } from '../../domain/actor.ts'
import { StoreFixture } from '../../features/store/store-fixture.ts'
import type { Db } from '../../store/db.ts'
import type { ModelKind, TrainOutcome } from './model-kind.ts'
import { openVersion } from './model-versions.ts'
import { promoteVersion, rescoreKind, trainKind } from './run-model.ts'
import { replaceCustomerScores } from './score-writes.ts'

/**
 * The runner with a stand-in model kind whose metric and scores the test chooses: the activation rule, the
 * atomic switch of stored results, failures that must leave the active version and its results untouched,
 * promotion and rollback, and runs abandoned by a killed process.
 */
interface FakeOptions {
  auc?: number
  score?: number
  insufficient?: boolean
  failTraining?: boolean
}

const fakeKind: ModelKind = {
  name: 'churn',
  title: { en: 'Fake', 'zh-CN': '假' },
  parseOptions: (raw) => raw,
  async train(_ctx, raw): Promise<TrainOutcome> {
    const o = raw as FakeOptions
    const training = { window: {}, rows: { train: 3 }, excludedNoProfilingConsent: 0 }
    if (o.failTraining) throw new Error('the fit diverged')
    if (o.insufficient) return { status: 'insufficient_data', reason: 'needs ≥ 500 customers; this workspace has 3', params: o as Record<string, unknown>, training }
    return {
      status: 'trained', params: o as Record<string, unknown>, training, metrics: { roc_auc: o.auc ?? 0.8 },
      primary: { name: 'roc_auc', value: o.auc ?? 0.8, higherIsBetter: true }, report: {}, artefact: { score: o.score ?? 0.5 },
    }
  },
  async score(ctx, version) {
    const score = (version.artefact as { score: number }).score
    const ids = await ctx.db.query<{ id: number }>('SELECT id FROM customers WHERE workspace_id = $1 ORDER BY id', [ctx.workspaceId])
    const rows = ids.map((r) => ({ customerId: Number(r.id), score, percentile: 50, band: 'low' }))
    return { rows: rows.length, summary: {}, write: (tx) => replaceCustomerScores(tx, ctx.workspaceId, 'churn', version.id, rows) }
  },
}

for (const backend of backends()) {
  describe(`model runner (${backend.name})`, () => {
    let db: Db
    const actor = systemActor(1)
    const env = () => ({ db, actor, asOf: new Date('2025-07-01T00:00:00Z') })
    const stored = async () =>
      db.query<{ customer_id: number; score: number; model_version_id: number }>(
        `SELECT customer_id, score, model_version_id FROM customer_scores WHERE workspace_id = 1 AND kind = 'churn' ORDER BY customer_id`,
      )
    const statuses = async () => (await db.query<{ version: number; status: string }>(`SELECT version, status FROM model_versions WHERE workspace_id = 1 ORDER BY version`)).map((r) => `${r.version}:${r.status}`)

    before(async () => {
      db = await backend.open()
      const fx = new StoreFixture(db)
      for (let i = 0; i < 3; i++) await fx.customer({ signup_at: '2025-01-01T00:00:00Z' })
    })
    after(() => db.close())

    test('the first version becomes active and its scores are stored under its id', async () => {
      const r = await trainKind(env(), fakeKind, { auc: 0.8, score: 0.1 })
      assert.equal(r.status, 'active')
      const rows = await stored()
      assert.equal(rows.length, 3)
      assert.ok(rows.every((x) => Number(x.model_version_id) === r.versionId && x.score === 0.1))
    })

    test('a clearly worse version is kept but not activated; the stored scores stay the active version\'s', async () => {
      const r = await trainKind(env(), fakeKind, { auc: 0.7, score: 0.2 })
      assert.equal(r.status, 'trained')
      assert.match(r.reason ?? '', /worse/)
      assert.ok((await stored()).every((x) => x.score === 0.1))
      assert.deepEqual(await statuses(), ['1:active', '2:trained'])
    })

    test('a scoring run that produces a NaN fails, stores nothing and leaves the active version and its scores', async () => {
      await assert.rejects(trainKind(env(), fakeKind, { auc: 0.9, score: Number.NaN }), /NaN/)
      assert.ok((await stored()).every((x) => x.score === 0.1))
      assert.deepEqual(await statuses(), ['1:active', '2:trained', '3:trained'])
    })

    test('a training run that throws is recorded as failed with its reason; the active version is untouched', async () => {
      await assert.rejects(trainKind(env(), fakeKind, { failTraining: true }), /diverged/)
      const [row] = await db.query<{ status: string; reason: string }>(`SELECT status, reason FROM model_versions WHERE workspace_id = 1 AND version = 4`)
      assert.deepEqual(row, { status: 'failed', reason: 'the fit diverged' })
      assert.ok((await stored()).every((x) => x.score === 0.1))
    })

    test('too little data is a status with the reason, not an error, and changes no stored result', async () => {
      const r = await trainKind(env(), fakeKind, { insufficient: true })
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /needs ≥ 500 customers/)
      assert.ok((await stored()).every((x) => x.score === 0.1))
    })

    test('promote makes a trained version active with its own scores; promoting the first again rolls back', async () => {
      const [v2] = await db.query<{ id: number }>(`SELECT id FROM model_versions WHERE workspace_id = 1 AND version = 2`)
      await promoteVersion(env(), Number(v2?.id), () => fakeKind)
      assert.ok((await stored()).every((x) => x.score === 0.2 && Number(x.model_version_id) === Number(v2?.id)))
      assert.deepEqual((await statuses()).slice(0, 2), ['1:retired', '2:active'])
      const [v1] = await db.query<{ id: number }>(`SELECT id FROM model_versions WHERE workspace_id = 1 AND version = 1`)
      await promoteVersion(env(), Number(v1?.id), () => fakeKind)
      assert.ok((await stored()).every((x) => x.score === 0.1))
      assert.deepEqual((await statuses()).slice(0, 2), ['1:active', '2:retired'])
    })

    test('a version that cannot be made active (failed, insufficient data) is refused with a conflict', async () => {
      const [failed] = await db.query<{ id: number }>(`SELECT id FROM model_versions WHERE workspace_id = 1 AND status = 'failed' LIMIT 1`)
      await assert.rejects(promoteVersion(env(), Number(failed?.id), () => fakeKind), (err: Error & { code?: string }) => err.code === 'conflict')
    })

    test('rescoring uses the active version on the current data: a new customer gets a score', async () => {
      await new StoreFixture(db, 1, 'late').customer({ signup_at: '2025-02-01T00:00:00Z' })
      const r = await rescoreKind(env(), fakeKind)
      assert.equal(r?.rows, 4)
      assert.equal((await stored()).length, 4)
    })

    test('a run left in `training` by a killed process is marked failed by the next run of its kind', async () => {
      const abandoned = await openVersion(db, 1, 'churn', 'cli', null)
      await trainKind(env(), fakeKind, { auc: 0.8, score: 0.1 })
      const [row] = await db.query<{ status: string; reason: string }>(`SELECT status, reason FROM model_versions WHERE workspace_id = 1 AND id = $1`, [abandoned.id])
      assert.equal(row?.status, 'failed')
      assert.match(row?.reason ?? '', /interrupted/)
    })

    test('another workspace\'s runs and scores are separate', async () => {
      const other = await new StoreFixture(db).workspace('other')
      await new StoreFixture(db, other, 'o').customer({ signup_at: '2025-01-01T00:00:00Z' })
      const r = await trainKind({ db, actor: systemActor(other), asOf: new Date('2025-07-01T00:00:00Z') }, fakeKind, { auc: 0.5, score: 0.9 })
      assert.equal(r.status, 'active', 'the other workspace has no active version to compare with')
      assert.equal(r.version, 1)
      assert.ok((await stored()).every((x) => x.score === 0.1))
    })
  })
}
