import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { useBuilder } from './builder-context.ts'

/**
 * What the builder knows about one node, shown beside it: how many customers this condition alone
 * matches (the preview's per-condition count), what is still to fill in, and the server's refusals.
 */
export function NodeNotes({ pathKey, leaf }: { pathKey: string; leaf: boolean }) {
  const { t, i18n } = useTranslation('segments')
  const b = useBuilder()
  const count = b.counts.get(pathKey)
  const missing = b.missing.get(pathKey) ?? []
  const issues = b.issues.get(pathKey) ?? []
  return (
    <>
      {leaf && count !== undefined && (
        <span className="seg-count" data-count={count}>
          {t('builder.aloneCount', { count: formatNumber(count, i18n.language) })}
        </span>
      )}
      {missing.map((m) => (
        <p key={m} className="seg-missing" data-missing={m}>
          {t(`missing.${m}`)}
        </p>
      ))}
      {issues.map((issue, i) => (
        <p key={i} className="field-error seg-issue" role="alert">
          {t('builder.refused')}{' '}
          <span lang="en">
            {issue.field ? <code>{issue.field}</code> : null}
            {issue.field ? ': ' : ''}
            {issue.message}
          </span>
        </p>
      ))}
    </>
  )
}
