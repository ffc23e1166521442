import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { updateConversation } from '../api/desk.ts'
import { PRIORITIES, STATUSES, type Agent, type Conversation, type ConversationPatch, type Priority, type Status, type Team } from '../api/desk-types.ts'
import { PriorityLabel, StatusBadge } from './Labels.tsx'

interface Draft {
  status: Status
  priority: Priority
  assignee: string
  team: string
  tags: string
}

const draftOf = (c: Conversation): Draft => ({
  status: c.status, priority: c.priority, assignee: c.assignee_id === null ? '' : String(c.assignee_id), team: c.team_id === null ? '' : String(c.team_id), tags: c.tags.join(' '),
})
const tagsOf = (s: string): string[] => s.split(/[\s,，]+/u).filter((x) => x !== '')
const idOf = (s: string): number | null => (s === '' ? null : Number(s))

/** Only what changed: an unchanged field is not sent, so a colleague's change to it is not overwritten. */
function patchOf(c: Conversation, d: Draft): ConversationPatch {
  const tags = tagsOf(d.tags)
  return {
    ...(d.status !== c.status && { status: d.status }),
    ...(d.priority !== c.priority && { priority: d.priority }),
    ...(idOf(d.assignee) !== c.assignee_id && { assignee_id: idOf(d.assignee) }),
    ...(idOf(d.team) !== c.team_id && { team_id: idOf(d.team) }),
    ...(tags.join(' ') !== c.tags.join(' ') && { tags }),
  }
}

/**
 * Status, priority, assignee, team and tags. People who reply change them (saved together); others read them.
 * The form starts from the stored values: the page remounts it (key) when the stored conversation changes.
 */
export function ConversationControls({ c, agents, teams, writable, onSaved }: {
  c: Conversation
  agents: Agent[]
  teams: Team[]
  writable: boolean
  onSaved: (c: Conversation) => void
}) {
  const { t } = useTranslation('desk')
  const [draft, setDraft] = useState(() => draftOf(c))
  const save = useCheckedSubmit<ConversationPatch, Conversation>('PATCH /api/v1/desk/conversations/{id}', (b) => updateConversation(c.id, b), onSaved)
  const assignee = agents.find((a) => a.user_id === c.assignee_id)
  const team = teams.find((x) => x.id === c.team_id)

  if (!writable) {
    return (
      <section className="panel desk-controls" id="desk-controls" aria-labelledby="desk-controls-title">
        <h2 id="desk-controls-title">{t('controls.title')}</h2>
        <dl className="desk-facts">
          <dt>{t('fields.status')}</dt>
          <dd><StatusBadge status={c.status} /></dd>
          <dt>{t('fields.priority')}</dt>
          <dd><PriorityLabel priority={c.priority} suggested={null} /></dd>
          <dt>{t('fields.assignee')}</dt>
          <dd data-i18n-skip={assignee ? true : undefined}>{assignee?.name ?? (c.assignee_id === null ? t('inbox.unassigned') : `#${c.assignee_id}`)}</dd>
          <dt>{t('fields.team')}</dt>
          <dd data-i18n-skip={team ? true : undefined}>{team?.name ?? (c.team_id === null ? t('controls.noTeam') : `#${c.team_id}`)}</dd>
          <dt>{t('fields.tags')}</dt>
          <dd data-i18n-skip>{c.tags.join(', ')}</dd>
        </dl>
      </section>
    )
  }

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))
  const patch = patchOf(c, draft)
  const changed = Object.keys(patch).length > 0
  return (
    <form
      className="panel form-stack desk-controls"
      id="desk-controls"
      aria-labelledby="desk-controls-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (changed) void save.submit(patch)
      }}
    >
      <h2 id="desk-controls-title">{t('controls.title')}</h2>
      <Field label={t('fields.status')} error={save.errors.status}>
        <select data-field="status" value={draft.status} onChange={set('status')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.priority')} error={save.errors.priority}>
        <select data-field="priority" value={draft.priority} onChange={set('priority')}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.assignee')} error={save.errors.assignee_id}>
        <select data-field="assignee" value={draft.assignee} onChange={set('assignee')}>
          <option value="">{t('inbox.unassigned')}</option>
          {c.assignee_id !== null && !assignee && <option value={String(c.assignee_id)}>#{c.assignee_id}</option>}
          {agents.map((a) => (
            <option key={a.user_id} value={String(a.user_id)}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.team')} error={save.errors.team_id}>
        <select data-field="team" value={draft.team} onChange={set('team')}>
          <option value="">{t('controls.noTeam')}</option>
          {c.team_id !== null && !team && <option value={String(c.team_id)}>#{c.team_id}</option>}
          {teams.map((x) => (
            <option key={x.id} value={String(x.id)}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.tags')} error={save.errors.tags ?? Object.entries(save.errors).find(([k]) => k.startsWith('tags.'))?.[1]} hint={t('controls.tagsHint')}>
        <input type="text" data-field="tags" value={draft.tags} maxLength={900} onChange={set('tags')} />
      </Field>
      {save.general ? (
        <p className="notice notice-error" role="alert" id="desk-controls-error">
          {t('controls.failed')} <ServerError error={save.general} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" id="desk-controls-save" disabled={save.busy || !changed}>
          {t('controls.save')}
        </button>
      </div>
    </form>
  )
}
