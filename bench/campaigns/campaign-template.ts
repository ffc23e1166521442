import type { CampaignInput } from '../../packages/server/src/services/campaigns/campaign-input.ts'
import { SENDER } from '../../packages/server/src/services/campaigns/campaign-fixture.ts'

/**
 * A newsletter as a shop would write it: merge fields in the subject and body, the customer's last order when
 * there is one, a loop over their top three recommendations (name, image, price, link), a footer with the
 * workspace name and the unsubscribe link, in English and Chinese (HTML and plain text).
 */
const HTML_EN = `<!doctype html><html><body style="font-family: sans-serif">
<h1>Spring picks for you, {{ customer.first_name | default: 'friend' }}</h1>
<p>Hello {{ customer.first_name | default: customer.name }}, here is what we think you will like this season{% if customer.city %} in {{ customer.city }}{% endif %}.</p>
{% if last_order %}<p>Thank you for your order of {{ last_order.date }} ({{ last_order.total | round: 2 }} {{ last_order.currency }}).</p>{% endif %}
<table>{% for p in recommendations limit: 3 %}
<tr><td>{% if p.image_url %}<img src="{{ p.image_url }}" alt="{{ p.name }}" width="120">{% endif %}</td>
<td><a href="{{ p.url }}">{{ p.name }}</a><br>{{ p.category }} · {{ p.price | round: 2 }} {{ p.currency }}</td></tr>{% endfor %}
</table>
<p><a href="https://shop.example/spring?utm_source=rapport&amp;utm_medium=email">See the whole spring collection</a></p>
<p style="font-size: small">{{ workspace.name }} · <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
</body></html>`

const TEXT_EN = `Spring picks for you, {{ customer.first_name | default: 'friend' }}
{% for p in recommendations limit: 3 %}
- {{ p.name }}: {{ p.price | round: 2 }} {{ p.currency }} {{ p.url }}{% endfor %}

The whole collection: https://shop.example/spring
{{ workspace.name }} · unsubscribe: {{ unsubscribe_url }}`

const HTML_ZH = `<!doctype html><html><body>
<h1>{{ customer.name }}，春季精选</h1>
<p>您好 {{ customer.name }}，为您挑选了这些商品{% if customer.city %}（{{ customer.city }}）{% endif %}。</p>
<table>{% for p in recommendations limit: 3 %}
<tr><td>{% if p.image_url %}<img src="{{ p.image_url }}" alt="{{ p.name }}" width="120">{% endif %}</td>
<td><a href="{{ p.url }}">{{ p.name }}</a><br>{{ p.price | round: 2 }} {{ p.currency }}</td></tr>{% endfor %}
</table>
<p><a href="https://shop.example/spring?lang=zh">查看全部春季新品</a></p>
<p style="font-size: small">{{ workspace.name }} · <a href="{{ unsubscribe_url }}">退订</a></p>
</body></html>`

const TEXT_ZH = `{{ customer.name }}，春季精选
{% for p in recommendations limit: 3 %}
- {{ p.name }}：{{ p.price | round: 2 }} {{ p.currency }} {{ p.url }}{% endfor %}
退订：{{ unsubscribe_url }}`

/** The benchmark's campaign: one variant, 10 % holdout, default send settings (concurrency 20, no rate limit). */
export const benchCampaign = (segment: number): CampaignInput => ({
  name: 'Spring picks', channel: 'email', segment_id: segment, from_address: SENDER, holdout_pct: 10,
  variants: [{
    name: 'A', weight: 1,
    template: {
      en: { subject: '{{ customer.first_name | default: "Hello" }}, your spring picks from {{ workspace.name }}', html: HTML_EN, text: TEXT_EN },
      zh: { subject: '{{ customer.name }}，您的春季精选', html: HTML_ZH, text: TEXT_ZH },
    },
  }],
})
