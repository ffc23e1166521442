/** The recipient-facing pages of an unsubscribe link, in the recipient's language (zh or en). */
const TEXT = {
  en: {
    title: 'Unsubscribe', ask: (w: string, ch: string) => `Stop receiving ${ch} marketing messages from ${w}?`, button: 'Unsubscribe',
    done: (w: string, ch: string) => `You are unsubscribed: ${w} will send you no more ${ch} marketing messages.`, email: 'e-mail', sms: 'SMS',
    invalid: 'This link is not valid. It may have been copied incompletely.',
  },
  zh: {
    title: '退订', ask: (w: string, ch: string) => `不再接收来自 ${w} 的${ch}营销信息？`, button: '确认退订',
    done: (w: string, ch: string) => `退订成功：${w} 将不再向您发送${ch}营销信息。`, email: '电子邮件', sms: '短信',
    invalid: '此链接无效，可能复制不完整。',
  },
} as const

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function page(lang: 'en' | 'zh', title: string, body: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,"Noto Sans SC","WenQuanYi Micro Hei",sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:.375rem;background:var(--button,#b91c1c);color:#fff;cursor:pointer}</style></head><body>${body}</body></html>`
}

export function askPage(lang: 'en' | 'zh', workspace: string, channel: 'email' | 'sms', action: string): string {
  const t = TEXT[lang]
  return page(lang, t.title, `<h1>${t.title}</h1><p>${escapeHtml(t.ask(workspace, t[channel]))}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit" name="confirm" value="1">${t.button}</button></form>`)
}

export function donePage(lang: 'en' | 'zh', workspace: string, channel: 'email' | 'sms'): string {
  const t = TEXT[lang]
  return page(lang, t.title, `<h1>${t.title}</h1><p role="status">${escapeHtml(t.done(workspace, t[channel]))}</p>`)
}

/** A bad link: both languages, since the token that would say which is not readable. */
export function invalidPage(): string {
  return page('en', 'Unsubscribe', `<h1>Unsubscribe · 退订</h1><p>${TEXT.en.invalid}</p><p lang="zh-CN">${TEXT.zh.invalid}</p>`)
}
