import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { ProgressBar } from '../../imports/components/ProgressBar.tsx'
import type { Progress } from '../api/campaign-types.ts'
import { progressShare } from '../lib/progress.ts'

const STATES = ['planned', 'sending', 'sent', 'failed', 'uncertain'] as const
const LABEL: Record<(typeof STATES)[number], string> = { planned: 'planned', sending: 'inFlight', sent: 'sent', failed: 'failed', uncertain: 'uncertain' }

/** The treated recipients by send state, with a bar of how many are done. */
export function ProgressPanel({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation('campaigns')
  const share = progressShare(progress)
  return (
    <section className="panel" aria-labelledby="progress-title" id="campaign-progress">
      <h2 id="progress-title">{t('detail.progress')}</h2>
      <ProgressBar label={t('detail.progressLabel')} value={share.share} />
      <dl className="model-facts">
        {STATES.map((s) => (
          <div key={s}>
            <dt>{t(`detail.${LABEL[s]}`)}</dt>
            <dd data-state={s} data-count={progress[s]}>{formatNumber(progress[s], i18n.language)}</dd>
          </div>
        ))}
      </dl>
      {progress.uncertain > 0 && <p className="muted">{t('detail.uncertainHint')}</p>}
    </section>
  )
}
