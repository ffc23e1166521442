import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useCan } from '../../auth/api/session.ts'
import { useAdminAgents, useAdminTeams, useDeskSettings, useRoutingRules } from '../api/desk-admin.ts'
import { AgentsPanel } from '../components/AgentsPanel.tsx'
import { DeskHoursForm } from '../components/DeskHoursForm.tsx'
import { RoutingRulesForm } from '../components/RoutingRulesForm.tsx'
import { TeamsPanel } from '../components/TeamsPanel.tsx'

const SECTIONS = ['desk-hours-form', 'desk-teams', 'desk-agents', 'desk-routing-form'] as const

/** A query's loading and error states; children once it has an answer. */
function Answered<T>({ q, children }: { q: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown }; children: (d: T) => ReactNode }) {
  if (q.isPending) return <Loading />
  if (q.error || q.data === undefined) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  return <>{children(q.data)}</>
}

/**
 * `desk/settings`: the service desk's business hours, holidays and service-level targets, its teams, agents and
 * routing rules. Anyone who reads the desk sees them; settings:write (owners, admins) changes them (each section
 * saves on its own; the API checks again).
 */
export default function DeskSettingsPage() {
  const { t } = useTranslation('deskAdmin')
  const can = useCan()
  const editable = can('settings:write')
  const settings = useDeskSettings()
  const teams = useAdminTeams()
  const agents = useAdminAgents()
  const rules = useRoutingRules()
  return (
    <section className="page desk-settings-page" id="desk-settings" data-editable={editable}>
      <p>
        <Link to="/desk">← {t('back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <p className="page-intro">{t('settings.intro')}</p>
      <nav className="section-links" aria-label={t('settings.sections')}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#${s}`}>
            {t(`settings.links.${s}`)}
          </a>
        ))}
      </nav>
      {!editable && (
        <p className="notice" id="desk-settings-read-only">
          {t('settings.readOnly')}
        </p>
      )}
      <Answered q={settings}>{(s) => <DeskHoursForm settings={s} editable={editable} />}</Answered>
      <Answered q={teams}>
        {(ts) => (
          <Answered q={agents}>
            {(as) => (
              <>
                <TeamsPanel teams={ts} agents={as} editable={editable} />
                <AgentsPanel agents={as} teams={ts} editable={editable} />
                <Answered q={rules}>{(rs) => <RoutingRulesForm rules={rs} teams={ts} editable={editable} />}</Answered>
              </>
            )}
          </Answered>
        )}
      </Answered>
    </section>
  )
}
