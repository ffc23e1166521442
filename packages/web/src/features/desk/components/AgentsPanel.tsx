import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { Field } from '../../../components/Field.tsx'
import { Empty } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { ADMIN_AGENTS_KEY, ADMIN_TEAMS_KEY, updateAgent, updateTeam } from '../api/desk-admin.ts'
import type { Agent, AgentState, Presence, Team } from '../api/desk-types.ts'
import { numberOf, unplaced } from '../lib/settings-draft.ts'

const MAX_CAPACITY = 1000
const PRESENCES: Presence[] = ['online', 'away']

/**
 * People who may reply: presence, load against capacity, and teams. With settings:write an agent's capacity,
 * presence and teams are changed in a dialog (teams through each team's member list, which is where the API keeps
 * them).
 */
export function AgentsPanel({ agents, teams, editable }: { agents: Agent[]; teams: Team[]; editable: boolean }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const [editing, setEditing] = useState<Agent | null>(null)
  const lang = i18n.language
  const teamName = (id: number) => teams.find((x) => x.id === id)?.name ?? `#${id}`
  return (
    <section className="panel" id="desk-agents" aria-labelledby="desk-agents-title" data-count={agents.length}>
      <h2 id="desk-agents-title">{t('agents.title')}</h2>
      <p className="muted">{t('agents.intro')}</p>
      {agents.length === 0 ? (
        <Empty>{t('agents.empty')}</Empty>
      ) : (
        <table className="simple-table" id="desk-agents-table">
          <caption className="visually-hidden">{t('agents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agents.name')}</th>
              <th scope="col">{t('agents.role')}</th>
              <th scope="col">{t('agents.presence')}</th>
              <th scope="col" className="num">{t('agents.load')}</th>
              <th scope="col">{t('agents.teams')}</th>
              {editable && <th scope="col"><span className="visually-hidden">{t('teams.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.user_id} data-agent-id={a.user_id} data-capacity={a.capacity} data-presence={a.presence}>
                <th scope="row">{a.name}</th>
                <td>{tc(`roles.${a.role}`, { defaultValue: a.role })}</td>
                <td>{t(`agents.presences.${a.presence}`)}</td>
                <td className="num">{t('agents.loadValue', { open: formatNumber(a.open, lang), capacity: formatNumber(a.capacity, lang) })}</td>
                <td data-teams={a.team_ids.join(',')}>{a.team_ids.length === 0 ? <span className="muted">{t('agents.noTeams')}</span> : a.team_ids.map(teamName).join(', ')}</td>
                {editable && (
                  <td>
                    <button type="button" className="btn btn-small" data-action="edit-agent" aria-label={t('agents.editNamed', { name: a.name })} onClick={() => setEditing(a)}>
                      {t('agents.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <EditAgentDialog key={editing.user_id} agent={editing} teams={teams} onClose={() => setEditing(null)} />}
    </section>
  )
}

function EditAgentDialog({ agent, teams, onClose }: { agent: Agent; teams: Team[]; onClose: () => void }) {
  const { t } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const qc = useQueryClient()
  const toast = useToast()
  const [capacity, setCapacity] = useState(String(agent.capacity))
  const [presence, setPresence] = useState<Presence>(agent.presence)
  const [teamIds, setTeamIds] = useState<number[]>(agent.team_ids)
  const state: AgentState = {
    ...(capacity.trim() !== String(agent.capacity) && { capacity: numberOf(capacity) }),
    ...(presence !== agent.presence && { presence }),
  }
  const joined = teams.filter((x) => teamIds.includes(x.id) && !agent.team_ids.includes(x.id))
  const left = teams.filter((x) => !teamIds.includes(x.id) && agent.team_ids.includes(x.id))
  const dirty = Object.keys(state).length > 0 || joined.length > 0 || left.length > 0
  const save = useCheckedSubmit<AgentState, Agent>(
    'PATCH /api/v1/desk/agents/{id}',
    async (body) => {
      let saved = agent
      if (Object.keys(body).length > 0) saved = await updateAgent(agent.user_id, body)
      // Each team that gains or loses this agent gets its whole new member list.
      for (const x of joined) await updateTeam(x.id, { member_ids: [...x.members.map((m) => m.user_id), agent.user_id] })
      for (const x of left) await updateTeam(x.id, { member_ids: x.members.map((m) => m.user_id).filter((id) => id !== agent.user_id) })
      return saved
    },
    () => {
      void qc.invalidateQueries({ queryKey: ADMIN_AGENTS_KEY })
      void qc.invalidateQueries({ queryKey: ADMIN_TEAMS_KEY })
      toast(t('agents.saved', { name: agent.name }))
      onClose()
    },
  )
  const send = () => {
    if (dirty) void save.submit(state)
  }
  const others = unplaced(save.errors, (k) => k === 'capacity' || k === 'presence')
  return (
    <Dialog
      open
      title={t('agents.editTitle', { name: agent.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {tc('actions.cancel')}
          </button>
          <button type="button" className="btn btn-primary" id="desk-agent-edit-save" disabled={!dirty || save.busy} onClick={send}>
            {tc('actions.save')}
          </button>
        </>
      }
    >
      <form
        className="form-stack"
        id="desk-agent-edit"
        data-agent-id={agent.user_id}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          send()
        }}
      >
        <div className="grid-2">
          <Field label={t('agents.capacity')} hint={t('agents.capacityHint')} error={save.errors.capacity}>
            <input type="number" data-field="capacity" min={0} max={MAX_CAPACITY} step={1} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          </Field>
          <Field label={t('agents.presence')} error={save.errors.presence}>
            <select data-field="presence" value={presence} onChange={(e) => setPresence(e.target.value as Presence)}>
              {PRESENCES.map((p) => (
                <option key={p} value={p}>
                  {t(`agents.presences.${p}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset id="desk-agent-edit-teams">
          <legend>{t('agents.teams')}</legend>
          {teams.length === 0 && <p className="muted">{t('agents.noTeamsYet')}</p>}
          <div className="grid-3">
            {teams.map((x) => (
              <label key={x.id} data-team={x.id}>
                <input type="checkbox" checked={teamIds.includes(x.id)} onChange={(e) => { const on = e.currentTarget.checked; setTeamIds((ids) => (on ? [...ids, x.id] : ids.filter((id) => id !== x.id))) }} /> {x.name}
              </label>
            ))}
          </div>
        </fieldset>
        {(save.general !== null || others.length > 0) && (
          <p className="notice notice-error" role="alert" id="desk-agent-edit-error">
            {t('saveFailed')} {save.general !== null ? <ServerError error={save.general} /> : <span lang="en">{others.join('; ')}</span>}
          </p>
        )}
      </form>
    </Dialog>
  )
}
