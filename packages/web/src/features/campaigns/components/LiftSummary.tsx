import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../lib/format.ts'
import type { Lift } from '../api/campaign-types.ts'
import { liftText, verdict } from '../lib/lift-text.ts'

/** The lift over the holdout in words: conversion rate in points and revenue per recipient, each with CI, p-value and verdict. */
export function LiftSummary({ lift }: { lift: Lift }) {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const inc = lift.incremental_revenue
  const money = (v: number) => formatMoney(v, lang)
  return (
    <div id="campaign-lift">
      <dl className="model-facts">
        <div>
          <dt>{t('results.liftConversion')}</dt>
          <dd id="lift-conversion" data-verdict={verdict(lift.conversion)}>
            {liftText(t, lift.conversion, 'points', lang)}
            <br />
            <span className="muted">{t(`results.verdict.${verdict(lift.conversion)}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('results.liftRevenue')}</dt>
          <dd id="lift-revenue" data-verdict={verdict(lift.revenue_per_recipient)}>
            {liftText(t, lift.revenue_per_recipient, 'money', lang)}
            <br />
            <span className="muted">{t(`results.verdict.${verdict(lift.revenue_per_recipient)}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('results.incrementalRevenue')}</dt>
          <dd id="incremental-revenue">
            {inc.value === null
              ? t('lift.notMeasurable')
              : inc.ci_low === null || inc.ci_high === null
                ? money(inc.value)
                : t('results.incrementalRange', { value: money(inc.value), low: money(inc.ci_low), high: money(inc.ci_high) })}
          </dd>
        </div>
      </dl>
      {lift.note && (
        <p className="notice">
          {t('results.note')} <span lang="en">{lift.note}</span>
        </p>
      )}
    </div>
  )
}
