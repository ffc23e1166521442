/** The double opt-in request, in the customer's language (zh or en). */
export interface ConfirmationMessage { subject: string; text: string; html: string }

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function confirmationMessage(lang: 'en' | 'zh', workspace: string, channel: 'email' | 'sms', url: string): ConfirmationMessage {
  if (channel === 'sms') {
    // An SMS is confirmed by replying; the link is there for phones that make replying hard.
    const text = lang === 'zh'
      ? `【${workspace}】回复“是”确认接收营销短信，或打开 ${url} 。回复 TD 退订。`
      : `${workspace}: reply YES to confirm you want marketing SMS, or open ${url} . Reply STOP to opt out.`
    return { subject: '', text, html: '' }
  }
  const t = lang === 'zh'
    ? {
        subject: `请确认订阅 ${workspace} 的营销邮件`,
        intro: `您已同意接收 ${workspace} 的营销邮件。请打开下面的链接确认：`,
        outro: '如果这不是您本人的操作，请忽略本邮件：我们不会再给您发送营销邮件。',
        button: '确认订阅',
      }
    : {
        subject: `Please confirm your subscription to ${workspace}`,
        intro: `You agreed to receive marketing e-mail from ${workspace}. Please confirm by opening this link:`,
        outro: 'If this was not you, ignore this message: we will send you no marketing e-mail.',
        button: 'Confirm my subscription',
      }
  const html = `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><body><p>${escapeHtml(t.intro)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(t.button)}</a></p><p>${escapeHtml(t.outro)}</p></body></html>`
  return { subject: t.subject, text: [t.intro, url, t.outro].join('\n\n'), html }
}
