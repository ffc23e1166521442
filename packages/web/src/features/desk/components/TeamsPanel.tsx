import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { Field } from '../../../components/Field.tsx'
import { Empty } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { ADMIN_AGENTS_KEY, ADMIN_TEAMS_KEY, ASSIGNMENT_RULES, createTeam, deleteTeam, ROUTING_KEY, updateTeam, type AssignmentRule, type TeamBody, type TeamPatch } from '../api/desk-admin.ts'
import type { Agent, Team } from '../api/desk-types.ts'

interface TeamDraft {
  name: string
  assignment: AssignmentRule
  member_ids: number[]
}

const NAME_MAX = 80
const sameMembers = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()

/** After a team changes: the teams, the agents' team lists and (a deleted team takes its rules along) the routing rules. */
function useTeamsChanged() {
  const qc = useQueryClient()
  return () => {
    void qc.invalidateQueries({ queryKey: ADMIN_TEAMS_KEY })
    void qc.invalidateQueries({ queryKey: ADMIN_AGENTS_KEY })
    void qc.invalidateQueries({ queryKey: ROUTING_KEY })
  }
}

/** The name, the assignment rule and the members (everyone who may reply), for a new team or a change. */
function TeamFields({ prefix, draft, agents, errors, onChange }: { prefix: string; draft: TeamDraft; agents: Array<Pick<Agent, 'user_id' | 'name'>>; errors: Record<string, string>; onChange: (d: TeamDraft) => void }) {
  const { t } = useTranslation('deskAdmin')
  const membersError = errors.member_ids ?? Object.entries(errors).find(([k]) => k.startsWith('member_ids.'))?.[1]
  return (
    <>
      <div className="grid-2">
        <Field label={t('teams.name')} error={errors.name}>
          <input type="text" data-field="name" maxLength={NAME_MAX} value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        </Field>
        <Field label={t('teams.assignment')} hint={t(`teams.rules.${draft.assignment}.hint`)} error={errors.assignment}>
          <select data-field="assignment" value={draft.assignment} onChange={(e) => onChange({ ...draft, assignment: e.target.value as AssignmentRule })}>
            {ASSIGNMENT_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`teams.rules.${r}.label`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="desk-team-members" id={`${prefix}-members`} aria-describedby={membersError ? `${prefix}-members-error` : undefined}>
        <legend>{t('teams.members')}</legend>
        {agents.length === 0 && <p className="muted">{t('teams.noAgents')}</p>}
        <div className="grid-3">
          {agents.map((a) => (
            <label key={a.user_id} data-member={a.user_id}>
              <input
                type="checkbox"
                checked={draft.member_ids.includes(a.user_id)}
                onChange={(e) => onChange({ ...draft, member_ids: e.currentTarget.checked ? [...draft.member_ids, a.user_id] : draft.member_ids.filter((id) => id !== a.user_id) })}
              />{' '}
              {a.name}
            </label>
          ))}
        </div>
        {membersError && (
          <p className="field-error" role="alert" id={`${prefix}-members-error`}>
            {membersError}
          </p>
        )}
      </fieldset>
    </>
  )
}

/**
 * The desk's teams: each with its assignment rule and its members. With settings:write a team is created, changed
 * (name, rule, members) in a dialog, or deleted after a confirmation; otherwise the list is only read.
 */
export function TeamsPanel({ teams, agents, editable }: { teams: Team[]; agents: Agent[]; editable: boolean }) {
  const { t } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const toast = useToast()
  const changed = useTeamsChanged()
  const [editing, setEditing] = useState<Team | null>(null)
  const [deleting, setDeleting] = useState<Team | null>(null)
  return (
    <section className="panel" id="desk-teams" aria-labelledby="desk-teams-title" data-count={teams.length}>
      <h2 id="desk-teams-title">{t('teams.title')}</h2>
      <p className="muted">{t('teams.intro')}</p>
      {teams.length === 0 ? (
        <Empty>{t('teams.empty')}</Empty>
      ) : (
        <table className="simple-table" id="desk-teams-table">
          <caption className="visually-hidden">{t('teams.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.name')}</th>
              <th scope="col">{t('teams.assignment')}</th>
              <th scope="col">{t('teams.members')}</th>
              {editable && <th scope="col"><span className="visually-hidden">{t('teams.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id} data-team-id={team.id} data-assignment={team.assignment}>
                <th scope="row">{team.name}</th>
                <td>{t(`teams.rules.${team.assignment}.label`)}</td>
                <td data-members={team.members.map((m) => m.user_id).join(',')}>
                  {team.members.length === 0 ? <span className="muted">{t('teams.noMembers')}</span> : team.members.map((m) => m.name).join(', ')}
                </td>
                {editable && (
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button type="button" className="btn btn-small" data-action="edit-team" aria-label={t('teams.editNamed', { name: team.name })} onClick={() => setEditing(team)}>
                      {t('teams.edit')}
                    </button>{' '}
                    <button type="button" className="btn btn-small btn-danger" data-action="delete-team" aria-label={t('teams.deleteNamed', { name: team.name })} onClick={() => setDeleting(team)}>
                      {tc('actions.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && <NewTeamForm agents={agents} />}
      {editing && <EditTeamDialog key={editing.id} team={editing} agents={agents} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('teams.deleteTitle', { name: deleting.name })}
          confirmLabel={t('teams.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteTeam(deleting.id)
            changed()
            toast(t('teams.deleted', { name: deleting.name }))
          }}
        >
          <p>{t('teams.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function NewTeamForm({ agents }: { agents: Agent[] }) {
  const { t } = useTranslation('deskAdmin')
  const toast = useToast()
  const changed = useTeamsChanged()
  const empty: TeamDraft = { name: '', assignment: 'least_open', member_ids: [] }
  const [draft, setDraft] = useState<TeamDraft>(empty)
  const save = useCheckedSubmit<TeamBody, Team>('POST /api/v1/desk/teams', createTeam, (team) => {
    changed()
    setDraft(empty)
    toast(t('teams.created', { name: team.name }))
  })
  return (
    <form
      className="form-stack"
      id="desk-team-new"
      noValidate
      aria-labelledby="desk-team-new-title"
      onSubmit={(e) => {
        e.preventDefault()
        void save.submit({ name: draft.name.trim(), assignment: draft.assignment, member_ids: draft.member_ids })
      }}
    >
      <h3 id="desk-team-new-title">{t('teams.new')}</h3>
      <TeamFields prefix="desk-team-new" draft={draft} agents={agents} errors={save.errors} onChange={setDraft} />
      {save.general !== null && (
        <p className="notice notice-error" role="alert">
          {t('saveFailed')} <ServerError error={save.general} />
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" id="desk-team-create" disabled={save.busy}>
          {t('teams.create')}
        </button>
      </div>
    </form>
  )
}

function EditTeamDialog({ team, agents, onClose }: { team: Team; agents: Agent[]; onClose: () => void }) {
  const { t } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const toast = useToast()
  const changed = useTeamsChanged()
  const [draft, setDraft] = useState<TeamDraft>({ name: team.name, assignment: team.assignment, member_ids: team.members.map((m) => m.user_id) })
  const save = useCheckedSubmit<TeamPatch, Team>('PATCH /api/v1/desk/teams/{id}', (body) => updateTeam(team.id, body), (saved) => {
    changed()
    toast(t('teams.saved', { name: saved.name }))
    onClose()
  })
  // Only what changed is sent: renaming a team leaves its members as they are on the server.
  const patch: TeamPatch = {
    ...(draft.name.trim() !== team.name && { name: draft.name.trim() }),
    ...(draft.assignment !== team.assignment && { assignment: draft.assignment }),
    ...(!sameMembers(draft.member_ids, team.members.map((m) => m.user_id)) && { member_ids: draft.member_ids }),
  }
  const dirty = Object.keys(patch).length > 0
  const send = () => {
    if (dirty) void save.submit(patch)
  }
  // Members who may no longer reply (a changed role) stay listed, so saving does not drop them unseen.
  const people = [...agents, ...team.members.filter((m) => !agents.some((a) => a.user_id === m.user_id))]
  return (
    <Dialog
      open
      title={t('teams.editTitle', { name: team.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {tc('actions.cancel')}
          </button>
          <button type="button" className="btn btn-primary" id="desk-team-edit-save" disabled={!dirty || save.busy} onClick={send}>
            {tc('actions.save')}
          </button>
        </>
      }
    >
      <form
        className="form-stack"
        id="desk-team-edit"
        data-team-id={team.id}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          send()
        }}
      >
        <TeamFields prefix="desk-team-edit" draft={draft} agents={people} errors={save.errors} onChange={setDraft} />
        {save.general !== null && (
          <p className="notice notice-error" role="alert">
            {t('saveFailed')} <ServerError error={save.general} />
          </p>
        )}
      </form>
    </Dialog>
  )
}
