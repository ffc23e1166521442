import type { Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { createCanned } from '../desk/canned/canned-responses.ts'

/**
 * The demo desk's canned responses: a greeting, an apology for a late parcel, a refund confirmation and a closing,
 * once in English and once in Simplified Chinese (written as a Chinese agent would write them, not translated).
 * Facts match the demo knowledge base (demo-kb-articles.ts): refunds go back to the original payment method, Alipay
 * and WeChat Pay in 1–3 working days, bank cards in 3–7. Shortcuts are unique in the workspace, so the Chinese
 * ones are in pinyin.
 */
export interface DemoCannedResponse {
  lang: 'en' | 'zh'
  title: string
  shortcut: string
  body: string
}

export const DEMO_CANNED_RESPONSES: readonly DemoCannedResponse[] = [
  {
    lang: 'en', title: 'Greeting', shortcut: '/hello',
    body: 'Hi {{ customer.first_name | default: "there" }},\n\nThanks for contacting {{ workspace.name }}. I\'m {{ agent.name }} and I\'ll be helping you with "{{ conversation.subject }}".',
  },
  {
    lang: 'en', title: 'Sorry, your parcel is late', shortcut: '/late',
    body: 'Hi {{ customer.first_name | default: "there" }},\n\nI\'m sorry your parcel is taking longer than it should. I\'ve asked the courier to look into it and will update you within one working day. Your reference is #{{ conversation.id }}.\n\n{{ agent.name }}',
  },
  {
    lang: 'en', title: 'Refund confirmed', shortcut: '/refund',
    body: 'Hi {{ customer.first_name | default: "there" }},\n\nYour refund has been approved. It goes back to your original payment method: Alipay and WeChat Pay usually within 1–3 working days, bank cards within 3–7 working days{% if customer.email %}, and we\'ve sent a confirmation to {{ customer.email }}{% endif %}.\n\n{{ agent.name }}, {{ workspace.name }}',
  },
  {
    lang: 'en', title: 'Closing', shortcut: '/bye',
    body: 'Is there anything else I can help you with{% if customer.first_name %}, {{ customer.first_name }}{% endif %}? If not, I\'ll close this conversation; just reply to reopen it.\n\nThanks for shopping with {{ workspace.name }}!\n{{ agent.name }}',
  },
  {
    lang: 'zh', title: '问候', shortcut: '/nihao',
    body: '{% if customer.name %}{{ customer.name }}，{% endif %}您好！欢迎联系{{ workspace.name }}，我是客服{{ agent.name }}，关于“{{ conversation.subject }}”的问题由我为您处理。',
  },
  {
    lang: 'zh', title: '包裹延误致歉', shortcut: '/yanwu',
    body: '{% if customer.name %}{{ customer.name }}，{% endif %}您好，非常抱歉您的包裹还没送到，给您添麻烦了。我们已经联系快递核实，会在一个工作日内给您回复。工单号：{{ conversation.id }}。\n\n客服 {{ agent.name }}',
  },
  {
    lang: 'zh', title: '退款已确认', shortcut: '/tuikuan',
    body: '{% if customer.name %}{{ customer.name }}，{% endif %}您好，您的退款已经审核通过，款项原路退回，支付宝和微信支付一般 1–3 个工作日到账，银行卡 3–7 个工作日{% if customer.email %}，确认邮件已发送至 {{ customer.email }}{% endif %}。\n\n{{ workspace.name }} 客服 {{ agent.name }}',
  },
  {
    lang: 'zh', title: '结束语', shortcut: '/zaijian',
    body: '请问还有其他可以帮您的吗？如果没有，这个会话我先关闭了，之后有问题直接回复就可以。感谢您对{{ workspace.name }}的支持，祝您生活愉快！\n\n客服 {{ agent.name }}',
  },
]

/** Saves the demo responses the workspace does not have yet (by shortcut): loading the demo again changes nothing. */
export async function loadDemoCannedResponses(db: Db, actor: Actor): Promise<void> {
  const rows = await db.query<{ shortcut: string }>(`SELECT shortcut FROM desk_canned_responses WHERE workspace_id = $1 AND shortcut IS NOT NULL`, [actor.workspaceId])
  const have = new Set(rows.map((r) => r.shortcut))
  for (const c of DEMO_CANNED_RESPONSES) {
    if (!have.has(c.shortcut)) await createCanned(db, actor, { ...c })
  }
}
