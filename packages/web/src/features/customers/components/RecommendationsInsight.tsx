import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../lib/format.ts'
import type { Recommendation } from '../api/intelligence.ts'

/** The products recommended to the customer, best first, each linking to the product list filtered to it. */
export function RecommendationsInsight({ recommendations }: { recommendations: Recommendation[] }) {
  const { t, i18n } = useTranslation('intelligence')
  const lang = i18n.language
  return (
    <div className="table-scroll">
      <table id="recommendations-table">
        <caption className="visually-hidden">{t('recommendations.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recommendations.product')}</th>
            <th scope="col">{t('recommendations.category')}</th>
            <th scope="col" className="num">{t('recommendations.price')}</th>
            <th scope="col">{t('recommendations.source')}</th>
          </tr>
        </thead>
        <tbody>
          {recommendations.map((r) => (
            <tr key={r.product.id} data-product={r.product.id}>
              <td>
                <Link to={`/products?q=${encodeURIComponent(r.product.sku)}`}>{r.product.name}</Link>
              </td>
              <td>{r.product.category ?? '—'}</td>
              <td className="num">{r.product.price === null ? '—' : formatMoney(r.product.price, lang)}</td>
              <td>{t(`recommendations.sources.${r.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
