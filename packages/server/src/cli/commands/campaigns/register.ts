import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { InputError } from '../../../errors/rapport-error.ts'
import type { Db } from '../../../store/db.ts'
import { campaignDelivery, workspaceIdentity } from '../../../services/campaigns/campaign-delivery.ts'
import { campaignResults } from '../../../services/campaigns/campaign-results.ts'
import { campaignResultsCsv } from '../../../services/campaigns/campaign-results-csv.ts'
import { loadCampaign } from '../../../services/campaigns/campaign-row.ts'
import { runCampaignSender } from '../../../services/campaigns/campaign-sender.ts'
import { updateCampaignSettings } from '../../../services/campaigns/campaign-settings-service.ts'
import {
  cancelCampaign, createCampaign, estimateAudience, getCampaign, listCampaigns, pauseCampaignByUser, resendUncertain, resumeCampaign, startCampaign, type CampaignView,
} from '../../../services/campaigns/campaigns-service.ts'
import { currentChannels } from '../../../services/campaigns/channels.ts'
import { confirmationStatus, sendConsentConfirmations } from '../../../services/campaigns/consent-confirmation.ts'
import { requirePermission } from '../../../domain/actor.ts'
import { pickCampaignWinner } from '../../../services/campaigns/pick-winner.ts'
import { cliActor } from '../admin/cli-actor.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { progressBar } from '../../progress.ts'
import { numberOption } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'

interface Common { workspace: string; json?: boolean }

function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new InputError(`${file}: not JSON (${(e as Error).message})`)
  }
}

const summary = (c: CampaignView) => {
  const p = c.progress
  return `campaign ${c.id} "${c.name}" (${c.channel}): ${c.status}${c.pause_reason ? ` — ${c.pause_reason}` : ''}` +
    (p ? `; sent ${p.sent}, failed ${p.failed}, uncertain ${p.uncertain}, to do ${p.planned + p.sending}${p.held ? `, ${p.held} held for the winner (rapport campaigns pick-winner ${c.id})` : ''}` : '')
}

/**
 * Sends in the foreground until the campaign is done, paused or cancelled (Ctrl-C stops cleanly: messages in
 * flight finish and the rest stay planned). Rows a killed earlier run left `sending` become uncertain first.
 */
async function sendNow(db: Db, workspaceId: number, id: number, quiet: boolean): Promise<string> {
  const c = await loadCampaign(db, workspaceId, id)
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const bar = quiet ? null : progressBar(`sending campaign ${id}`)
  try {
    return await runCampaignSender(db, workspaceId, id, campaignDelivery(db, c, currentChannels(), await workspaceIdentity(db, workspaceId)), {
      signal: stop.signal, onProgress: (done, total) => bar?.update(total === 0 ? 1 : done / total, `${done} of ${total}`),
      onDeferred: (until) => info(`outside the SMS sending hours: the rest stays planned; run "rapport campaigns send ${id}" after ${until.toISOString()}`),
    })
  } finally {
    bar?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await currentChannels().email?.mailer.close()
  }
}

/** `rapport campaigns …`: e-mail and SMS campaigns on the local database, sent from this process. */
export function registerCampaignCommands(program: Command): void {
  const campaigns = program.command('campaigns').description('create, start, send and measure e-mail and SMS campaigns')
  const common = (cmd: Command) => cmd.option('--workspace <slug>', 'workspace', 'default').option('--json', 'print JSON on stdout')

  common(campaigns.command('list').description('list the campaigns with their status and progress'))
    .action(async (flags: Common) => {
      const page = await withDb(async (db) => listCampaigns(db, await cliActor(db, flags.workspace), { limit: 500 }))
      if (flags.json) return printJson({ campaigns: page.data })
      printTable(['id', 'name', 'channel', 'status', 'treated', 'holdout', 'sent', 'uncertain'], page.data.map((c) => [
        c.id, c.name, c.channel, c.status, c.plan?.treated ?? '', c.plan?.holdout ?? '', c.progress?.sent ?? '', c.progress?.uncertain ?? '']))
    })

  common(campaigns.command('create').description('save a draft campaign from a JSON file { name, channel, segment_id, from_address, variants, holdout_pct, settings }'))
    .requiredOption('--file <campaign.json>', 'the campaign')
    .action(async (flags: Common & { file: string }) => {
      const body = readJsonFile(flags.file) as Parameters<typeof createCampaign>[2]
      const c = await withDb(async (db) => createCampaign(db, await cliActor(db, flags.workspace), body))
      if (flags.json) return printJson(c)
      info(`campaign ${c.id} "${c.name}" saved as a draft`)
    })

  common(campaigns.command('audience <id>').description('the audience a start would freeze now, by group and exclusion reason'))
    .action(async (id: string, flags: Common) => {
      const counts = await withDb(async (db) => estimateAudience(db, await cliActor(db, flags.workspace), numberOption('id')(id)))
      if (flags.json) return printJson(counts)
      printLine(`audience ${counts.audience}: treated ${counts.treated}, holdout ${counts.holdout}`)
      printTable(['excluded because', 'customers'], Object.entries(counts.excluded).map(([r, n]) => [r, n]))
    })

  common(campaigns.command('start <id>').description('freeze the audience and send now, in this process (--no-send: only freeze it)'))
    .option('--no-send', 'freeze the audience and mark it sending; send later with "rapport campaigns send"')
    .action(async (id: string, flags: Common & { send: boolean }) => {
      const out = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        const cid = numberOption('id')(id)
        const started = await startCampaign(db, null, currentChannels(), actor, cid)
        if (!flags.json) info(`campaign ${cid}: ${started.plan?.treated} to send, ${started.plan?.holdout} in the holdout`)
        if (flags.send) await sendNow(db, actor.workspaceId, cid, flags.json === true)
        return getCampaign(db, actor, cid)
      })
      if (flags.json) return printJson(out)
      info(summary(out))
    })

  common(campaigns.command('send <id>').description('send what is left of a started campaign, in this process (after a crash: rows that were in flight become uncertain, never resent)'))
    .action(async (id: string, flags: Common) => {
      const out = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        const cid = numberOption('id')(id)
        await sendNow(db, actor.workspaceId, cid, flags.json === true)
        return getCampaign(db, actor, cid)
      })
      if (flags.json) return printJson(out)
      info(summary(out))
    })

  for (const [name, description] of [['pause', 'pause a send'], ['resume', 'resume a paused send, in this process'], ['cancel', 'cancel: recipients not yet sent are skipped'],
    ['resend-uncertain', 'send again, in this process, to the recipients a crash left uncertain (they may get it twice)']] as const) {
    common(campaigns.command(`${name} <id>`).description(description))
      .action(async (id: string, flags: Common) => {
        const out = await withDb(async (db) => {
          const actor = await cliActor(db, flags.workspace)
          const cid = numberOption('id')(id)
          if (name === 'pause') await pauseCampaignByUser(db, actor, cid)
          else if (name === 'cancel') await cancelCampaign(db, actor, cid)
          else {
            if (name === 'resume') await resumeCampaign(db, null, currentChannels(), actor, cid)
            else info(`${(await resendUncertain(db, null, actor, cid)).requeued} uncertain recipients planned again`)
            if ((await loadCampaign(db, actor.workspaceId, cid)).status === 'sending') await sendNow(db, actor.workspaceId, cid, flags.json === true)
          }
          return getCampaign(db, actor, cid)
        })
        if (flags.json) return printJson(out)
        info(summary(out))
      })
  }

  common(campaigns.command('pick-winner <id>').description('end a variant test now: pick the winner and send it, in this process, to the recipients held back'))
    .action(async (id: string, flags: Common) => {
      const out = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        const cid = numberOption('id')(id)
        const w = await pickCampaignWinner(db, actor.workspaceId, cid)
        if (!flags.json) info(`variant ${w.winner} won on ${w.metric} (${(w.rate * 100).toFixed(1)} %${w.p_value === null ? '' : `, p = ${w.p_value.toFixed(3)}`}${w.significant ? '' : ', not significant'})`)
        await sendNow(db, actor.workspaceId, cid, flags.json === true)
        return getCampaign(db, actor, cid)
      })
      if (flags.json) return printJson(out)
      info(summary(out))
    })

  common(campaigns.command('results <id>').description('results: sent, opened, clicked, conversions and revenue for treated and holdout, lift with 95 % intervals'))
    .option('--csv', 'print the results as CSV')
    .action(async (id: string, flags: Common & { csv?: boolean }) => {
      const r = await withDb(async (db) => campaignResults(db, (await cliActor(db, flags.workspace)).workspaceId, numberOption('id')(id)))
      if (flags.csv) return printLine(campaignResultsCsv(r).trimEnd())
      if (flags.json) return printJson(r)
      printJson(r)
    })

  const channelOption = (v: string): 'email' | 'sms' => {
    if (v !== 'email' && v !== 'sms') throw new InputError(`--channel: "${v}" is not a channel (email or sms)`)
    return v
  }
  common(campaigns.command('double-opt-in <on|off>').description('require (or stop requiring) a confirmed grant before a customer is sent marketing on a channel'))
    .option('--channel <channel>', 'email or sms', channelOption, 'email')
    .action(async (state: string, flags: Common & { channel: 'email' | 'sms' }) => {
      if (state !== 'on' && state !== 'off') throw new InputError(`double-opt-in: "${state}" must be on or off`)
      const s = await withDb(async (db) => updateCampaignSettings(db, await cliActor(db, flags.workspace), { double_opt_in: { [flags.channel]: state === 'on' } }))
      if (flags.json) return printJson(s)
      info(`double opt-in: e-mail ${s.double_opt_in.email ? 'on' : 'off'}, SMS ${s.double_opt_in.sms ? 'on' : 'off'}`)
    })

  common(campaigns.command('confirm-consents').description('double opt-in: send, in this process, a confirmation request to every customer whose grant is not confirmed (at most once a week each)'))
    .option('--channel <channel>', 'email or sms', channelOption, 'email')
    .option('--purpose <purpose>', 'the consent purpose', 'marketing')
    .option('--status', 'only count confirmed and unconfirmed grants; send nothing')
    .action(async (flags: Common & { channel: 'email' | 'sms'; purpose: string; status?: boolean }) => {
      const out = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        if (flags.status) return { status: await confirmationStatus(db, actor, flags.channel, flags.purpose) }
        requirePermission(actor, 'campaigns:send')
        const bar = flags.json ? null : progressBar('confirmation requests')
        const sent = await sendConsentConfirmations(db, actor.workspaceId, {
          channel: flags.channel, purpose: flags.purpose, channels: currentChannels(), progress: async (done, total) => bar?.update(total === 0 ? 1 : done / total, `${done} of ${total}`),
        })
        bar?.stop()
        return { sent, status: await confirmationStatus(db, actor, flags.channel, flags.purpose) }
      })
      if (flags.json) return printJson(out)
      const s = out.status
      if (out.sent) info(`${out.sent.asked} asked to confirm, ${out.sent.failed} failed${out.sent.last_error ? ` (last error: ${out.sent.last_error})` : ''}, ${out.sent.skipped_recent} asked in the last week already`)
      info(`${s.channel}/${s.purpose}: ${s.confirmed} confirmed, ${s.unconfirmed} unconfirmed (${s.requested_recently} asked in the last week); double opt-in ${s.required ? 'required' : 'not required'}`)
    })

  common(campaigns.command('verify-sender <address>').description('add a from address to the workspace\'s verified senders'))
    .action(async (address: string, flags: Common) => {
      const s = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        const { readCampaignSettings } = await import('../../../services/campaigns/campaign-settings.ts')
        const before = await readCampaignSettings(db, actor.workspaceId)
        return updateCampaignSettings(db, actor, { verified_senders: [...new Set([...before.verified_senders, address])] })
      })
      if (flags.json) return printJson(s)
      info(`verified senders: ${s.verified_senders.join(', ')}`)
    })
}
