import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { AGENTS_KEY, claimNext, conversationKey, COUNTS_KEY, INBOX_KEY, setMyState } from '../api/desk.ts'
import type { Agent, Presence } from '../api/desk-types.ts'

/**
 * "Take next": the longest-waiting unassigned conversation of the agent's teams (of `teamId` when a team's view
 * is open) becomes theirs and opens. Nothing waiting and "at capacity" are said in a toast.
 */
export function TakeNextButton({ teamId }: { teamId?: number | undefined }) {
  const { t } = useTranslation('desk')
  const { t: tc } = useTranslation()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const take = async () => {
    setBusy(true)
    try {
      const c = await claimNext(teamId)
      void qc.invalidateQueries({ queryKey: INBOX_KEY })
      void qc.invalidateQueries({ queryKey: COUNTS_KEY })
      void qc.invalidateQueries({ queryKey: AGENTS_KEY })
      if (!c) {
        toast(t('claim.none'), 'info')
        return
      }
      qc.removeQueries({ queryKey: conversationKey(c.id) })
      toast(t('claim.taken', { id: c.id }))
      void navigate(`/desk/${c.id}`)
    } catch (err) {
      toast(err instanceof ApiError && err.code === 'conflict' ? t('claim.atCapacity') : errorMessage(err, tc), 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className="btn btn-primary" id="desk-take-next" disabled={busy} onClick={() => void take()}>
      {busy ? t('claim.taking') : t('claim.button')}
    </button>
  )
}

/** The signed-in agent's presence: online agents are given conversations by their teams' assignment rules. */
export function PresenceToggle({ me }: { me: Agent | undefined }) {
  const { t } = useTranslation('desk')
  const { t: tc } = useTranslation()
  const qc = useQueryClient()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  if (!me) return null
  const online = me.presence === 'online'
  const set = async (presence: Presence) => {
    setBusy(true)
    try {
      const updated = await setMyState({ presence })
      qc.setQueryData<Agent[]>(AGENTS_KEY, (list) => list?.map((a) => (a.user_id === updated.user_id ? updated : a)))
      toast(t(`presence.changed.${presence}`))
    } catch (err) {
      toast(errorMessage(err, tc), 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="desk-presence" id="desk-presence" data-presence={me.presence}>
      <button type="button" role="switch" aria-checked={online} className={`btn${online ? ' btn-selected' : ''}`} id="desk-presence-toggle" disabled={busy} onClick={() => void set(online ? 'away' : 'online')}>
        <span className={`desk-presence-dot desk-presence-${me.presence}`} aria-hidden="true" /> {t('presence.label')}
      </button>
      <span className="muted" id="desk-presence-state">
        {t(`presence.${me.presence}`, { open: me.open, capacity: me.capacity })}
      </span>
    </div>
  )
}
