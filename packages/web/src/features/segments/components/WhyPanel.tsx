import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatNumber } from '../../../lib/format.ts'
import { customerIdByExternal, explainMembership, SEGMENTS_KEY } from '../api/segments.ts'
import type { Why } from '../api/segment-types.ts'
import type { Translate } from '../lib/labels.ts'
import { getAt } from '../lib/tree-edit.ts'
import { locate } from '../lib/tree-paths.ts'
import { BANDS, CONSENT_STATES, type SegmentNode } from '../lib/tree-types.ts'
import { ServerError } from './ServerError.tsx'

export interface WhyTarget {
  /** Internal id when known (a member row), else resolved from the external id. */
  id?: number
  externalId: string
}

/**
 * Why a customer is (or is not) in the segment: every condition in words, in the reader's language, with
 * the customer's own value and whether it holds (✓ / ✗). Asked for a member row or a typed external id.
 */
export function WhyPanel({ segmentId, tree, target, onTarget }: { segmentId: string; tree: SegmentNode; target: WhyTarget | undefined; onTarget: (t: WhyTarget) => void }) {
  const { t } = useTranslation('segments')
  const [typed, setTyped] = useState('')
  const why = useQuery({
    queryKey: [...SEGMENTS_KEY, 'why', segmentId, target?.id ?? null, target?.externalId ?? null],
    queryFn: async () => explainMembership(segmentId, target?.id ?? (await customerIdByExternal(target?.externalId ?? ''))),
    enabled: target !== undefined,
    retry: false,
  })
  const notFound = why.error instanceof ApiError && why.error.code === 'not_found'
  return (
    <section className="panel" aria-labelledby="why-title" id="why">
      <h2 id="why-title">{t('why.title')}</h2>
      <p className="muted">{t('why.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault()
          if (typed.trim() !== '') onTarget({ externalId: typed.trim() })
        }}
      >
        <label>
          {t('why.externalId')}
          <input type="text" id="why-external-id" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <div className="filters-actions">
          <button type="submit" className="btn" id="why-submit">
            {t('why.explain')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {target && why.isFetching && <Loading />}
        {target && notFound && (
          <p className="notice notice-error" role="alert">
            {t('why.notFound', { id: target.externalId })}
          </p>
        )}
        {target && why.error && !notFound && (
          <p className="notice notice-error" role="alert">
            <ServerError error={why.error} />
          </p>
        )}
        {target && why.data && !why.isFetching && <WhyAnswer why={why.data} tree={tree} externalId={target.externalId} />}
      </div>
    </section>
  )
}

/** A value of a closed list (a band, a consent state) in words; anything else as the server gave it. */
export function actualText(t: Translate, lang: string, leaf: SegmentNode | undefined, v: Why['conditions'][number]['actual']): string {
  if (v === null) return t('why.noValue')
  if (typeof v === 'boolean') return t(`boolean.${String(v)}`)
  if (typeof v === 'number') return formatNumber(v, lang, 3)
  if (leaf?.type === 'consent' && (CONSENT_STATES as readonly string[]).includes(v)) return t(`consentStates.${v}`)
  if (leaf?.type === 'prediction' && (leaf.field === 'churn_band' || leaf.field === 'clv_band') && (BANDS as readonly string[]).includes(v)) return t(`bands.${v}`)
  return v
}

function WhyAnswer({ why, tree, externalId }: { why: Why; tree: SegmentNode; externalId: string }) {
  const { t, i18n } = useTranslation('segments')
  const lang = i18n.language
  const leafAt = (path: string) => {
    const at = locate(tree, path)
    return at && at.rest === '' ? getAt(tree, at.node) : undefined
  }
  return (
    <div id="why-answer" data-matched={String(why.matched)} data-member={String(why.member)}>
      <p className={`notice ${why.matched ? 'notice-success' : 'notice-error'}`}>
        {t(why.matched ? 'why.matches' : 'why.doesNotMatch', { customer: externalId })} {t(why.member ? 'why.isMember' : 'why.notMember')}
      </p>
      <div className="table-scroll">
        <table className="simple-table" id="why-conditions">
          <caption className="visually-hidden">{t('why.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('why.condition')}</th>
              <th scope="col">{t('why.actual')}</th>
              <th scope="col">{t('why.holds')}</th>
            </tr>
          </thead>
          <tbody>
            {why.conditions.map((c) => (
              <tr key={c.path} data-path={c.path} data-matched={String(c.matched)}>
                <td>{lang === 'zh-CN' ? c.text['zh-CN'] : c.text.en}</td>
                <td data-actual>{actualText(t, lang, leafAt(c.path), c.actual)}</td>
                <td className={c.matched ? 'seg-yes' : 'seg-no'}>
                  <span aria-hidden="true">{c.matched ? '✓' : '✗'}</span> {t(c.matched ? 'why.yes' : 'why.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
