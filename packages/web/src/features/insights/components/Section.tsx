import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'

/**
 * A panel of the Overview or Insights page. `ready` false means the model behind it has not produced
 * results yet: the panel says so and points to the Models page, instead of showing an error or zeros.
 * data-section / data-state let the browser tests check which panels have data.
 */
export function Section({ id, title, ready, kind, children, actions }: { id: string; title: string; ready: boolean; kind?: string; children?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation('insights')
  return (
    <section className="panel insight-section" aria-labelledby={`${id}-title`} id={id} data-section={id} data-state={ready ? 'ready' : 'pending'}>
      <div className="insight-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </div>
      {ready ? (
        children
      ) : (
        <div className="state state-empty model-pending">
          <p>{kind ? t('pending.model', { model: t(`kinds.${kind}`) }) : t('pending.data')}</p>
          {kind && <Link to="/models">{t('pending.link')}</Link>}
        </div>
      )}
    </section>
  )
}
