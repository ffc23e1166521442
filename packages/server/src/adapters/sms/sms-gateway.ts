/**
 * Sending SMS through an HTTP gateway (the common shape of SMS providers: POST JSON with an auth header, a
 * message id back, delivery reports to a webhook later). One interface, one contract suite.
 */
export interface OutgoingSms {
  to: string
  text: string
  /** Stable per recipient (the ledger's): gateways that deduplicate by client reference use it. */
  reference: string
}

export interface SentSms {
  /** The gateway's id for the message, as its delivery reports name it. */
  providerId: string
}

export interface SmsGateway {
  send(sms: OutgoingSms): Promise<SentSms>
}

export class SmsError extends Error {
  constructor(
    message: string,
    /** temporary: 429, 5xx, network; permanent: other 4xx (a bad number, refused content). */
    readonly kind: 'temporary' | 'permanent',
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SmsError'
  }
}

export interface HttpSmsGatewayOptions {
  /** Where messages are POSTed. */
  url: string
  /** Header carrying the credential, e.g. `authorization: Bearer …` or `x-api-key: …`. */
  authHeader?: { name: string; value: string } | undefined
  /** The sender id shown to recipients. */
  sender?: string | undefined
  timeoutMs?: number | undefined
}

/** POST { to, text, reference, sender } → { id }; the body shape most gateways accept or map to. */
export function httpSmsGateway(opts: HttpSmsGatewayOptions): SmsGateway {
  return {
    async send(sms) {
      let res: Response
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(opts.authHeader && { [opts.authHeader.name]: opts.authHeader.value }) },
          body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference, ...(opts.sender && { sender: opts.sender }) }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        })
      } catch (err) {
        throw new SmsError(`SMS gateway ${opts.url}: ${(err as Error).message}`, 'temporary', undefined, { cause: err })
      }
      const body = (await res.json().catch(() => null)) as { id?: unknown; error?: unknown } | null
      if (!res.ok) {
        const why = typeof body?.error === 'string' ? body.error : res.statusText
        throw new SmsError(`SMS gateway answered ${res.status}: ${why}`, res.status === 429 || res.status >= 500 ? 'temporary' : 'permanent', res.status)
      }
      if (typeof body?.id !== 'string' || body.id === '') throw new SmsError('SMS gateway answered without a message id', 'temporary', res.status)
      return { providerId: body.id }
    },
  }
}
