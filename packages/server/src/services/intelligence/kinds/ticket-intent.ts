import { classifyIntent, fitIntentModel, multiclassReport } from '@rapport/ml'
import { z } from 'zod'
import { intentArtefact, loadIntentModel, priorityShares, type IntentArtefact } from '../../desk/intent-artefact.ts'
import { labelledTickets } from '../../desk/labelled-tickets.ts'
import type { ModelKind, TrainOutcome } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'

const optionsSchema = z.strictObject({
  min_labelled: z.number().int().min(20).max(100000).default(50).describe('Fewest agent-labelled tickets to train on'),
  test_share: z.number().min(0.1).max(0.5).default(0.2).describe('Share of the latest labelled tickets held out for the backtest'),
})
type IntentOptions = z.infer<typeof optionsSchema>

/** Each intent needs at least this many labelled tickets in the backtest's training part. */
const MIN_PER_INTENT = 5

/**
 * Ticket intent for the desk's triage: @rapport/ml's intent model (text classifier with a calibrated hand-off
 * threshold) trained on the tickets agents labelled or corrected. Backtest: trained on the earliest labelled
 * tickets, evaluated on the latest `test_share` (a time split, as the desk meets them), against always answering
 * the commonest intent. Scoring relabels the unfinished conversations the triage already saw and no agent
 * labelled, so they follow the active version.
 */
export const ticketIntentModel: ModelKind = {
  name: 'ticket_intent',
  title: { en: 'Ticket intent', 'zh-CN': '工单意图' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as IntentOptions
    const params = { ...o }
    await ctx.progress(0, 'reading labelled tickets')
    const { rows, excluded } = await labelledTickets(ctx.db, ctx.workspaceId, ctx.asOf)
    const cut = Math.floor(rows.length * (1 - o.test_share))
    const trainRows = rows.slice(0, cut)
    const testRows = rows.slice(cut)
    const counts = new Map<string, number>()
    for (const r of trainRows) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1)
    const usable = [...counts.values()].filter((n) => n >= MIN_PER_INTENT).length
    const training = {
      window: { labelled_before: ctx.asOf.toISOString(), ...(testRows[0] ? { test_from: new Date(testRows[0].openedAt).toISOString() } : {}) },
      rows: { labelled: rows.length, train: trainRows.length, test: testRows.length, intents: counts.size },
      excludedNoProfilingConsent: excluded,
    }
    if (rows.length < o.min_labelled || usable < 2) {
      return {
        status: 'insufficient_data', params, training,
        reason: `needs ≥ ${o.min_labelled} tickets labelled by agents, with ≥ ${MIN_PER_INTENT} for each of ≥ 2 intents; this workspace has ${rows.length} labelled, ${usable} intent(s) with enough`,
      }
    }
    await ctx.progress(0.1, `backtest: training on ${trainRows.length} tickets`)
    const back = fitIntentModel(trainRows.map((r) => r.text), trainRows.map((r) => r.intent), { seed: 0 })
    ctx.signal.throwIfAborted()
    const labels = back.classifier.labels
    const index = (l: string) => labels.indexOf(l)
    const tested = testRows.filter((r) => index(r.intent) >= 0)
    const results = tested.map((r) => classifyIntent(back, r.text))
    const report = multiclassReport(tested.map((r) => index(r.intent)), results.map((p) => index(p.label)), labels)
    const answered = results.flatMap((p, i) => (p.abstain ? [] : [p.label === tested[i]?.intent]))
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
    const base = tested.filter((r) => r.intent === majority).length / Math.max(1, tested.length)
    const metrics = {
      accuracy: report.accuracy, macro_f1: report.macroF1,
      coverage: tested.length ? answered.length / tested.length : 0,
      answered_accuracy: answered.length ? answered.filter(Boolean).length / answered.length : 0,
      threshold: back.threshold, baseline_accuracy: base, test_tickets: tested.length,
    }
    await ctx.progress(0.6, `training on all ${rows.length} labelled tickets`)
    const model = fitIntentModel(rows.map((r) => r.text), rows.map((r) => r.intent), { seed: 0 })
    return {
      status: 'trained', params, training, metrics,
      primary: { name: 'accuracy', value: report.accuracy, higherIsBetter: true },
      artefact: intentArtefact(model, priorityShares(rows)),
      fitted: { intents: model.classifier.labels, threshold: model.threshold },
      report: {
        backtest: `trained on the ${trainRows.length} earliest labelled tickets, tested on the ${tested.length} latest`,
        baseline: `always "${majority}" (the commonest intent)`,
        per_class: report.perClass,
        hand_off: 'below the threshold the triage leaves the intent empty and the conversation in "needs triage"',
      },
    }
  },
  async score(ctx, version) {
    const model = loadIntentModel(version.id, version.artefact as IntentArtefact)
    const rows = await ctx.db.query<{ ticket_id: string; text: string }>(
      `SELECT c.ticket_id, concat_ws(E'\\n', nullif(btrim(t.subject), ''), nullif(btrim(t.body), '')) AS text
         FROM conversations c JOIN tickets t ON t.workspace_id = c.workspace_id AND t.id = c.ticket_id
        WHERE c.workspace_id = $1 AND t.status IN ('new', 'open', 'pending') AND c.triage_state IN ('done', 'needs_triage')
          AND c.intent_source IS DISTINCT FROM 'agent'`,
      [ctx.workspaceId],
    )
    const out = rows.map((r) => ({ id: Number(r.ticket_id), result: model.classify(r.text) }))
    return {
      rows: out.length,
      summary: { relabelled: out.length, handed_to_people: out.filter((o) => o.result.abstain).length },
      write: async (tx) => {
        if (out.length === 0) return
        for (const o of out) {
          if (!Number.isFinite(o.result.confidence)) throw new Error(`ticket_intent: non-finite confidence for ticket ${o.id}`)
        }
        await tx.query(
          `UPDATE conversations c SET intent = u.intent, intent_confidence = u.confidence, intent_source = 'model',
                  triage_state = CASE WHEN u.intent IS NULL THEN 'needs_triage' ELSE 'done' END
             FROM unnest($2::int8[], $3::text[], $4::float8[]) AS u(id, intent, confidence)
            WHERE c.workspace_id = $1 AND c.ticket_id = u.id`,
          [ctx.workspaceId, out.map((o) => o.id), out.map((o) => o.result.intent), out.map((o) => o.result.confidence)],
        )
      },
    }
  },
}
