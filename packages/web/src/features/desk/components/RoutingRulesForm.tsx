import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { putRoutingRules, ROUTING_KEY, type RoutingRule, type RoutingRulesBody } from '../api/desk-admin.ts'
import { CHANNELS, KNOWN_INTENTS, LANGUAGES, type Team } from '../api/desk-types.ts'
import { errorAt, move, newRuleKey, ruleDraftOf, rulesBody, unplaced, type RuleDraft } from '../lib/settings-draft.ts'

const MAX_RULES = 100

/**
 * The routing rules, in order: the first rule whose conditions all hold picks a new conversation's team (an empty
 * condition holds for anything). Rules are added, removed and moved here, then saved together (PUT replaces the
 * list); each server error is shown on the rule and the condition its path names (`rules.2.team_id`).
 */
export function RoutingRulesForm({ rules, teams, editable }: { rules: RoutingRule[]; teams: Team[]; editable: boolean }) {
  const { t } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const { t: td } = useTranslation('desk')
  const qc = useQueryClient()
  const toast = useToast()
  const [draft, setDraft] = useState<RuleDraft[]>(() => rules.map(ruleDraftOf))
  // The stored rules changed (saved, or a deleted team took its rules along): the form shows them. A refetch that
  // brings the same rules keeps the same object (react-query's structural sharing), so typed changes stay.
  const [shown, setShown] = useState(rules)
  if (shown !== rules) {
    setShown(rules)
    setDraft(rules.map(ruleDraftOf))
  }
  const save = useCheckedSubmit<RoutingRulesBody, RoutingRule[]>('PUT /api/v1/desk/routing-rules', putRoutingRules, (saved) => {
    qc.setQueryData(ROUTING_KEY, saved)
    toast(t('routing.saved'))
  })
  const e = save.errors
  const set = (i: number, patch: Partial<RuleDraft>) => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v))
  const teamName = (id: string) => teams.find((x) => String(x.id) === id)?.name
  const others = unplaced(e, (k) => k === 'rules' || /^rules\.\d+(\.|$)/.test(k))
  const rulesError = e.rules

  return (
    <form
      className="panel form-stack desk-routing-form"
      id="desk-routing-form"
      data-count={draft.length}
      noValidate
      aria-labelledby="desk-routing-title"
      onSubmit={(ev) => {
        ev.preventDefault()
        if (editable) void save.submit(rulesBody(draft))
      }}
    >
      <h2 id="desk-routing-title">{t('routing.title')}</h2>
      <p className="muted">{t('routing.intro')}</p>
      {draft.length === 0 && <p className="muted" id="desk-routing-none">{t('routing.empty')}</p>}
      {rulesError && <p className="field-error" role="alert">{rulesError}</p>}
      <ol className="desk-routing-rules" style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem', paddingInlineStart: '1.25rem' }}>
        {draft.map((r, i) => {
          const at = `rules.${i}`
          const n = i + 1
          const ruleError = e[at]
          return (
            <li key={r.key} data-rule-index={i} data-team-id={r.team_id}>
              <fieldset className="desk-routing-rule" aria-describedby={ruleError ? `desk-rule-${r.key}-error` : undefined}>
                <legend>{t('routing.rule', { n, team: teamName(r.team_id) ?? t('routing.noTeam') })}</legend>
                <div className="grid-2">
                  <Field label={t('routing.intents')} hint={t('routing.intentsHint', { examples: KNOWN_INTENTS.slice(0, 3).join(', ') })} error={errorAt(e, `${at}.intents`)}>
                    <input type="text" data-field={`rules.${i}.intents`} spellCheck={false} autoCapitalize="off" value={r.intents} readOnly={!editable} onChange={(ev) => set(i, { intents: ev.target.value })} />
                  </Field>
                  <Field label={t('routing.team')} error={errorAt(e, `${at}.team_id`)}>
                    <select data-field={`rules.${i}.team_id`} value={r.team_id} disabled={!editable} onChange={(ev) => set(i, { team_id: ev.target.value })}>
                      {teamName(r.team_id) === undefined && <option value={r.team_id}>{t('routing.chooseTeam')}</option>}
                      {teams.map((x) => (
                        <option key={x.id} value={String(x.id)}>
                          {x.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <div className="grid-3">
                  <fieldset data-field={`rules.${i}.languages`}>
                    <legend>{t('routing.languages')}</legend>
                    {LANGUAGES.map((l) => (
                      <label key={l} style={{ display: 'block' }}>
                        <input type="checkbox" value={l} checked={r.languages.includes(l)} disabled={!editable} onChange={(ev) => set(i, { languages: toggle(r.languages, l, ev.currentTarget.checked) })} /> {td(`languages.${l}`)}
                      </label>
                    ))}
                    {errorAt(e, `${at}.languages`) && <p className="field-error" role="alert">{errorAt(e, `${at}.languages`)}</p>}
                  </fieldset>
                  <fieldset data-field={`rules.${i}.channels`}>
                    <legend>{t('routing.channels')}</legend>
                    {CHANNELS.map((c) => (
                      <label key={c} style={{ display: 'block' }}>
                        <input type="checkbox" value={c} checked={r.channels.includes(c)} disabled={!editable} onChange={(ev) => set(i, { channels: toggle(r.channels, c, ev.currentTarget.checked) })} /> {td(`channels.${c}`)}
                      </label>
                    ))}
                    {errorAt(e, `${at}.channels`) && <p className="field-error" role="alert">{errorAt(e, `${at}.channels`)}</p>}
                  </fieldset>
                  <div>
                    <label>
                      <input type="checkbox" data-field={`rules.${i}.vip_only`} checked={r.vip_only} disabled={!editable} onChange={(ev) => set(i, { vip_only: ev.currentTarget.checked })} /> {t('routing.vip')}
                    </label>
                    <p className="field-hint">{t('routing.vipHint')}</p>
                    {errorAt(e, `${at}.vip_only`) && <p className="field-error" role="alert">{errorAt(e, `${at}.vip_only`)}</p>}
                  </div>
                </div>
                {ruleError && (
                  <p className="field-error" role="alert" id={`desk-rule-${r.key}-error`}>
                    {ruleError}
                  </p>
                )}
                {editable && (
                  <div className="form-actions">
                    <button type="button" className="btn btn-small" data-action="move-up" disabled={i === 0} aria-label={t('routing.moveUpN', { n })} onClick={() => setDraft((d) => move(d, i, -1))}>
                      {t('routing.moveUp')}
                    </button>
                    <button type="button" className="btn btn-small" data-action="move-down" disabled={i === draft.length - 1} aria-label={t('routing.moveDownN', { n })} onClick={() => setDraft((d) => move(d, i, 1))}>
                      {t('routing.moveDown')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger" data-action="remove-rule" aria-label={t('routing.removeN', { n })} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
                      {t('routing.remove')}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          )
        })}
      </ol>
      {editable && teams.length === 0 && <p className="muted" id="desk-routing-needs-team">{t('routing.needsTeam')}</p>}
      {(save.general !== null || others.length > 0) && (
        <p className="notice notice-error" role="alert" id="desk-routing-error">
          {t('saveFailed')} {save.general !== null ? <ServerError error={save.general} /> : <span lang="en">{others.join('; ')}</span>}
        </p>
      )}
      {editable && (
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            id="desk-routing-add"
            disabled={teams.length === 0 || draft.length >= MAX_RULES}
            onClick={() => setDraft((d) => [...d, { key: newRuleKey(), intents: '', languages: [], channels: [], vip_only: false, team_id: String(teams[0]?.id ?? '') }])}
          >
            {t('routing.add')}
          </button>
          <button type="submit" className="btn btn-primary" id="desk-routing-save" disabled={save.busy}>
            {tc('actions.save')}
          </button>
        </div>
      )}
    </form>
  )
}
