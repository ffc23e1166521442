import type { Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { updateCampaignSettings } from '../campaigns/campaign-settings-service.ts'
import { createCampaign } from '../campaigns/campaigns-service.ts'
import { refreshSegment } from '../segments/refresh-segment.ts'
import { createSegment } from '../segments/segments-service.ts'

export const DEMO_SENDER = 'news@demo-shop.example'

const RECOMMENDATIONS_HTML = `{% for p in recommendations limit: 3 %}<li><a href="{{ p.url }}">{{ p.name }}</a>{% if p.price %} — {{ p.price }}{% endif %}</li>{% endfor %}`

/**
 * What the demo workspace needs to send a campaign on first start: a verified sender, two segments (e-mail
 * subscribers; subscribers at risk of churning) and a draft with two variants whose messages show each
 * recipient's own recommendations, in English and Chinese.
 */
export async function setUpDemoCampaigns(db: Db, actor: Actor): Promise<void> {
  await updateCampaignSettings(db, actor, { verified_senders: [DEMO_SENDER] })
  const subscribers = await createSegment(db, null, actor, {
    name: 'E-mail subscribers', kind: 'dynamic', description: 'Customers whose marketing e-mail consent is granted',
    tree: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
  })
  await refreshSegment(db, actor, subscribers.id)
  const lapsing = await createSegment(db, null, actor, {
    name: 'Subscribers who have not ordered for 60 days', kind: 'dynamic',
    tree: { type: 'all', conditions: [
      { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
      { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 60 }, op: '=', value: 0 },
    ] },
  })
  await refreshSegment(db, actor, lapsing.id)
  const variant = (name: string, enSubject: string, zhSubject: string) => ({
    name, weight: 1,
    template: {
      en: {
        subject: enSubject,
        html: `<p>Hello {{ customer.first_name | default: "there" }},</p><p>Picked for you:</p><ul>${RECOMMENDATIONS_HTML}</ul><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`,
        text: `Hello {{ customer.first_name | default: "there" }},\nPicked for you:\n{% for p in recommendations limit: 3 %}- {{ p.name }}: {{ p.url }}\n{% endfor %}\nUnsubscribe: {{ unsubscribe_url }}`,
      },
      zh: {
        subject: zhSubject,
        html: `<p>{{ customer.name | default: "您好" }}，您好：</p><p>为您精选：</p><ul>${RECOMMENDATIONS_HTML}</ul><p><a href="{{ unsubscribe_url }}">退订</a></p>`,
        text: `{{ customer.name | default: "您好" }}，您好：\n为您精选：\n{% for p in recommendations limit: 3 %}- {{ p.name }}：{{ p.url }}\n{% endfor %}\n退订：{{ unsubscribe_url }}`,
      },
    },
  })
  await createCampaign(db, actor, {
    name: 'Picked for you (demo)', channel: 'email', segment_id: subscribers.id, from_address: DEMO_SENDER, holdout_pct: 10,
    variants: [variant('A', 'Picked for you, {{ customer.first_name | default: "friend" }}', '为您精选的好物'), variant('B', 'New favourites at {{ workspace.name }}', '{{ workspace.name }} 的新品推荐')],
  })
}
