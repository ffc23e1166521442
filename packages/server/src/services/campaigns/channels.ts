import type { Config } from '../../config.ts'
import type { Mailer } from '../../adapters/mailer/mailer.ts'
import { smtpMailer, type SmtpServerConfig } from '../../adapters/mailer/smtp-mailer.ts'
import { httpSmsGateway, type SmsGateway } from '../../adapters/sms/sms-gateway.ts'
import { readConfig } from '../../config.ts'

/**
 * The channels campaigns send through in this process, built from the configuration once: e-mail (SMTP
 * servers, or the built-in catcher that `rapport serve` runs) and SMS (an HTTP gateway). A channel that is not
 * configured is null, and a campaign on it is refused before it starts.
 */
export interface Channels {
  email: { mailer: Mailer; label: string } | null
  sms: { gateway: SmsGateway; label: string } | null
  /** Where recipients reach this server: tracking links and unsubscribe pages start with it. */
  publicUrl: string
  /** The desk's mail domain: replies come from <workspace slug>@it (default desk.localhost). */
  deskMailDomain?: string | undefined
}

export function channelsFromConfig(c: Pick<Config, 'smtpServers' | 'sms' | 'publicUrl'> & Partial<Pick<Config, 'deskMailDomain'>>, catcher?: { port: number }): Channels {
  const servers: SmtpServerConfig[] = c.smtpServers.length > 0 ? c.smtpServers : catcher ? [{ host: '127.0.0.1', port: catcher.port }] : []
  const label = c.smtpServers.length > 0 ? servers.map((s) => `${s.secure ? 'smtps' : 'smtp'}://${s.host}:${s.port}`).join(', ') : `the built-in catcher (smtp://127.0.0.1:${catcher?.port})`
  return {
    // Pool size 20 matches the default send concurrency: every message in flight has a connection.
    email: servers.length > 0 ? { mailer: smtpMailer({ servers, maxConnections: 20, maxMessages: 1000 }), label } : null,
    sms: c.sms ? { gateway: httpSmsGateway({ url: c.sms.url, authHeader: c.sms.authHeader, sender: c.sms.sender }), label: c.sms.url } : null,
    publicUrl: c.publicUrl,
    deskMailDomain: c.deskMailDomain,
  }
}

let current: Channels | null = null

/** Sets this process's channels (serve, with its catcher; tests, with their loopback servers). */
export function configureChannels(c: Channels | null): void {
  current = c
}

/** This process's channels; from the environment when nothing configured them (the CLI, a worker). */
export function currentChannels(): Channels {
  current ??= channelsFromConfig(readConfig())
  return current
}
