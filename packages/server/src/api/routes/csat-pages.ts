import { escapeHtml, page } from './tracking-pages.ts'

/** The pages of a satisfaction link, in the conversation's language (zh or en). */
const TEXT = {
  en: {
    title: 'How did we do?', ask: (w: string) => `How satisfied are you with the help you got from ${w}?`, comment: 'Anything to add? (optional)',
    send: 'Send', scale: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    thanks: (w: string, r: number) => `Thank you: you rated ${w}'s help ${r} out of 5.`,
    invalid: 'This link is not valid. It may have been copied incompletely.',
  },
  zh: {
    title: '服务评价', ask: (w: string) => `您对 ${w} 本次提供的帮助满意吗？`, comment: '还有想说的吗？（可不填）',
    send: '提交', scale: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    thanks: (w: string, r: number) => `谢谢！您给 ${w} 本次服务打了 ${r} 分（满分 5 分）。`,
    invalid: '此链接无效，可能复制不完整。',
  },
} as const

export function csatAskPage(lang: 'en' | 'zh', workspace: string, action: string): string {
  const t = TEXT[lang]
  const options = t.scale.map((label, i) => `<label><input type="radio" name="rating" value="${i + 1}" required> ${i + 1} · ${label}</label>`).join('<br>')
  return page(lang, t.title, `<h1>${t.title}</h1><form method="post" action="${escapeHtml(action)}"><fieldset><legend>${escapeHtml(t.ask(workspace))}</legend>${options}</fieldset>
<p><label>${t.comment}<br><textarea name="comment" rows="4" cols="40" maxlength="2000"></textarea></label></p><button type="submit">${t.send}</button></form>`)
}

export function csatDonePage(lang: 'en' | 'zh', workspace: string, rating: number): string {
  const t = TEXT[lang]
  return page(lang, t.title, `<h1>${t.title}</h1><p role="status">${escapeHtml(t.thanks(workspace, rating))}</p>`)
}

export function csatInvalidPage(): string {
  return page('en', TEXT.en.title, `<h1>${TEXT.en.title} · ${TEXT.zh.title}</h1><p>${TEXT.en.invalid}</p><p lang="zh-CN">${TEXT.zh.invalid}</p>`)
}
