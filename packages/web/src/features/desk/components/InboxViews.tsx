import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import type { Counts, Team, View } from '../api/desk-types.ts'

export interface ViewChoice {
  view: View
  teamId?: number
}

/**
 * The inbox's views as a side list: the person's own, the unassigned, those the triage was not sure of, those
 * past or near a service-level deadline, all unfinished ones, and one per team, each with its count.
 */
export function InboxViews({ value, counts, teams, showMine, onChange }: {
  value: ViewChoice
  counts: Counts | undefined
  teams: Team[]
  showMine: boolean
  onChange: (v: ViewChoice) => void
}) {
  const { t, i18n } = useTranslation('desk')
  const fixed: Array<Exclude<View, 'team'>> = [...(showMine ? (['mine'] as const) : []), 'unassigned', 'needs_triage', 'breaching', 'all']
  const item = (key: string, choice: ViewChoice, label: ReactNode, count: number | undefined) => {
    const current = value.view === choice.view && value.teamId === choice.teamId
    return (
      <li key={key}>
        <button
          type="button"
          className={`desk-view${current ? ' desk-view-current' : ''}`}
          aria-current={current ? 'true' : undefined}
          data-view={choice.view}
          data-team={choice.teamId}
          onClick={() => onChange(choice)}
        >
          <span className="desk-view-label">{label}</span>
          {count !== undefined && (
            <span className="desk-view-count" data-count={count}>
              {formatNumber(count, i18n.language)}
            </span>
          )}
        </button>
      </li>
    )
  }
  return (
    <nav className="desk-views panel" aria-label={t('views.label')} id="desk-views">
      <ul>{fixed.map((v) => item(v, { view: v }, t(`views.${v}`), counts?.[v]))}</ul>
      {teams.length > 0 && (
        <>
          <h2 className="desk-views-title">{t('views.teams')}</h2>
          <ul>
            {teams.map((team) =>
              item(`team-${team.id}`, { view: 'team', teamId: team.id }, <span data-i18n-skip>{team.name}</span>, counts ? (counts.teams[String(team.id)] ?? 0) : undefined),
            )}
          </ul>
        </>
      )}
    </nav>
  )
}
