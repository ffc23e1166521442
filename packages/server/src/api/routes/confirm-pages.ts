import { escapeHtml, page } from './tracking-pages.ts'

/** The pages of a double opt-in confirmation link, in the customer's language (zh or en). */
const TEXT = {
  en: {
    title: 'Confirm your subscription', email: 'e-mail', sms: 'SMS', button: 'Confirm',
    ask: (w: string, ch: string) => `Do you want to receive ${ch} marketing messages from ${w}?`,
    done: (w: string, ch: string) => `Thank you: your subscription to ${w}'s ${ch} marketing messages is confirmed.`,
    withdrawn: (w: string, ch: string) => `You have withdrawn your consent to ${ch} marketing messages from ${w}, so there is nothing to confirm. Sign up again to receive them.`,
    invalid: 'This link is not valid. It may have been copied incompletely.',
  },
  zh: {
    title: '确认订阅', email: '电子邮件', sms: '短信', button: '确认',
    ask: (w: string, ch: string) => `您愿意接收来自 ${w} 的${ch}营销信息吗？`,
    done: (w: string, ch: string) => `谢谢！您已确认订阅 ${w} 的${ch}营销信息。`,
    withdrawn: (w: string, ch: string) => `您已撤回接收 ${w} ${ch}营销信息的同意，无需确认。如需接收，请重新订阅。`,
    invalid: '此链接无效，可能复制不完整。',
  },
} as const

export function confirmAskPage(lang: 'en' | 'zh', workspace: string, channel: 'email' | 'sms', action: string): string {
  const t = TEXT[lang]
  return page(lang, t.title, `<h1>${t.title}</h1><p>${escapeHtml(t.ask(workspace, t[channel]))}</p>
<form method="post" action="${escapeHtml(action)}" style="--button:#15803d"><button type="submit" name="confirm" value="1">${t.button}</button></form>`)
}

export function confirmDonePage(lang: 'en' | 'zh', workspace: string, channel: 'email' | 'sms', state: 'done' | 'withdrawn'): string {
  const t = TEXT[lang]
  return page(lang, t.title, `<h1>${t.title}</h1><p role="status">${escapeHtml(t[state](workspace, t[channel]))}</p>`)
}

/** A bad link: both languages, since the token that would say which is not readable. */
export function confirmInvalidPage(): string {
  return page('en', TEXT.en.title, `<h1>${TEXT.en.title} · ${TEXT.zh.title}</h1><p>${TEXT.en.invalid}</p><p lang="zh-CN">${TEXT.zh.invalid}</p>`)
}
