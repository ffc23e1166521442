import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { putSettings, SETTINGS_KEY, WEEKDAYS, type DeskSettings, type DeskSettingsBody, type Weekday } from '../api/desk-admin.ts'
import { PRIORITIES } from '../api/desk-types.ts'
import { errorAt, hoursDraftOf, settingsBody, SLA_PATHS, unplaced, type HoursDraft, type SlaKind } from '../lib/settings-draft.ts'
import { durationText } from '../lib/report-format.ts'

/** The API's limits (desk-settings-input.ts): six windows a day, 400 holidays, targets up to a year. */
const MAX_WINDOWS = 6
const MAX_HOLIDAYS = 400
const MAX_MINUTES = 60 * 24 * 365
const MAX_WARN = 60 * 24 * 7

const W = 'business_hours.week'
const H = 'business_hours.holidays'

/**
 * Business hours per weekday (opening windows, in the workspace's time zone), holidays, and the service-level
 * targets per priority: one PUT of all of it, since the server recomputes every open deadline from the whole.
 * Each server error is shown beside the field its path names; one no field shows is said for the form.
 */
export function DeskHoursForm({ settings, editable }: { settings: DeskSettings; editable: boolean }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const { t: tc } = useTranslation()
  const { t: td } = useTranslation('desk')
  const qc = useQueryClient()
  const toast = useToast()
  const [draft, setDraft] = useState<HoursDraft>(() => hoursDraftOf(settings))
  // New stored settings (saved here or elsewhere): the form shows them; a refetch of the same keeps what is typed.
  const [shown, setShown] = useState(settings)
  if (shown !== settings) {
    setShown(settings)
    setDraft(hoursDraftOf(settings))
  }
  const save = useCheckedSubmit<DeskSettingsBody, DeskSettings>('PUT /api/v1/desk/settings', putSettings, (s) => {
    qc.setQueryData(SETTINGS_KEY, s)
    toast(t('hours.saved'))
  })
  const e = save.errors
  const setDay = (d: Weekday, f: (w: HoursDraft['week'][Weekday]) => HoursDraft['week'][Weekday]) => setDraft((x) => ({ ...x, week: { ...x.week, [d]: f(x.week[d]) } }))
  const setSla = (kind: SlaKind, p: string, v: string) => setDraft((x) => ({ ...x, [kind]: { ...x[kind], [p]: v } }))
  // Paths the fields below show; anything else the server names is said for the form.
  const isShown = (k: string) =>
    k === W || WEEKDAYS.some((d) => k === `${W}.${d}` || k.startsWith(`${W}.${d}.`)) || k === H || k.startsWith(`${H}.`) || k.startsWith('sla.')
  const others = unplaced(e, isShown)
  const weekError = e[W]
  const holidaysError = e[H]

  return (
    <form
      className="panel form-stack desk-hours-form"
      id="desk-hours-form"
      noValidate
      aria-labelledby="desk-hours-title"
      onSubmit={(ev) => {
        ev.preventDefault()
        if (editable) void save.submit(settingsBody(draft))
      }}
    >
      <h2 id="desk-hours-title">{t('hours.title')}</h2>
      <p className="muted" id="desk-hours-zone" data-time-zone={settings.time_zone}>
        {t('hours.zone', { zone: settings.time_zone })}
        {settings.default && <> {t('hours.default')}</>}
      </p>

      <fieldset id="desk-hours-week" aria-describedby={weekError ? 'desk-hours-week-error' : undefined}>
        <legend>{t('hours.week')}</legend>
        {weekError && (
          <p className="field-error" id="desk-hours-week-error" role="alert">
            {weekError}
          </p>
        )}
        <table className="simple-table compact desk-hours-table">
          <caption className="visually-hidden">{t('hours.week')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hours.day')}</th>
              <th scope="col">{t('hours.windows')}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => {
              const windows = draft.week[d]
              const dayName = t(`weekdays.${d}`)
              return (
                <tr key={d} data-day={d} data-windows={windows.length}>
                  <th scope="row">{dayName}</th>
                  <td>
                    {windows.length === 0 && <span className="muted" data-closed>{t('hours.closed')}</span>}
                    {windows.map((w, i) => {
                      // A bad time is reported on its element (`.0` opens, `.1` closes); "ends after it starts" on the window.
                      const at = `${W}.${d}.${i}`
                      const startError = errorAt(e, `${at}.0`)
                      const endError = errorAt(e, `${at}.1`) ?? e[at]
                      return (
                        <div key={i} className="desk-hours-window" data-window={i} style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
                          <Field label={t('hours.opens', { day: dayName, n: i + 1 })} error={startError}>
                            <input
                              type="text" inputMode="numeric" size={5} maxLength={5} placeholder="09:00" pattern="[0-9]{2}:[0-9]{2}" data-field={`week.${d}.${i}.start`}
                              value={w.start} readOnly={!editable}
                              onChange={(ev) => { const v = ev.target.value; setDay(d, (ws) => ws.map((x, j) => (j === i ? { ...x, start: v } : x))) }}
                            />
                          </Field>
                          <Field label={t('hours.closes', { day: dayName, n: i + 1 })} error={endError}>
                            <input
                              type="text" inputMode="numeric" size={5} maxLength={5} placeholder="18:00" pattern="[0-9]{2}:[0-9]{2}" data-field={`week.${d}.${i}.end`}
                              value={w.end} readOnly={!editable}
                              onChange={(ev) => { const v = ev.target.value; setDay(d, (ws) => ws.map((x, j) => (j === i ? { ...x, end: v } : x))) }}
                            />
                          </Field>
                          {editable && (
                            <button type="button" className="btn btn-small btn-ghost" data-action="remove-window" aria-label={t('hours.removeWindow', { day: dayName, n: i + 1 })} onClick={() => setDay(d, (ws) => ws.filter((_, j) => j !== i))}>
                              {t('hours.remove')}
                            </button>
                          )}
                        </div>
                      )
                    })}
                    {(() => {
                      const dayError = e[`${W}.${d}`]
                      return dayError ? <p className="field-error" role="alert" data-error-for={`week.${d}`}>{dayError}</p> : null
                    })()}
                    {editable && windows.length < MAX_WINDOWS && (
                      <button
                        type="button" className="btn btn-small" data-action="add-window" aria-label={t('hours.addWindowFor', { day: dayName })}
                        onClick={() => setDay(d, (ws) => [...ws, ws.length === 0 ? { start: '09:00', end: '18:00' } : { start: '', end: '' }])}
                      >
                        {t('hours.addWindow')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset id="desk-holidays">
        <legend>{t('hours.holidays')}</legend>
        <p className="muted">{t('hours.holidaysHint')}</p>
        {holidaysError && <p className="field-error" role="alert" id="desk-holidays-error">{holidaysError}</p>}
        {draft.holidays.length === 0 && <p className="muted" id="desk-holidays-none">{t('hours.noHolidays')}</p>}
        <ul className="desk-holidays" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {draft.holidays.map((h, i) => (
            <li key={i} data-holiday={i} style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-end' }}>
              <Field label={t('hours.holiday', { n: i + 1 })} error={errorAt(e, `${H}.${i}`)}>
                <input type="date" data-field={`holidays.${i}`} value={h} readOnly={!editable} onChange={(ev) => { const v = ev.target.value; setDraft((x) => ({ ...x, holidays: x.holidays.map((y, j) => (j === i ? v : y)) })) }} />
              </Field>
              {editable && (
                <button type="button" className="btn btn-small btn-ghost" data-action="remove-holiday" aria-label={t('hours.removeHoliday', { n: i + 1 })} onClick={() => setDraft((x) => ({ ...x, holidays: x.holidays.filter((_, j) => j !== i) }))}>
                  {t('hours.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && draft.holidays.length < MAX_HOLIDAYS && (
          <button type="button" className="btn btn-small" id="desk-holiday-add" onClick={() => setDraft((x) => ({ ...x, holidays: [...x.holidays, ''] }))}>
            {t('hours.addHoliday')}
          </button>
        )}
      </fieldset>

      <fieldset id="desk-sla">
        <legend>{t('slaTargets.title')}</legend>
        <p className="muted">{t('slaTargets.hint')}</p>
        <table className="simple-table compact desk-sla-table">
          <caption className="visually-hidden">{t('slaTargets.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{td('fields.priority')}</th>
              <th scope="col">{t('slaTargets.first')}</th>
              <th scope="col">{t('slaTargets.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITIES.map((p) => (
              <tr key={p} data-priority={p}>
                <th scope="row">{td(`priority.${p}`)}</th>
                {(['first', 'resolution'] as const).map((kind) => {
                  const value = draft[kind][p]
                  const n = Number(value)
                  return (
                    <td key={kind}>
                      <Field
                        label={t(`slaTargets.${kind}For`, { priority: td(`priority.${p}`) })}
                        hint={value.trim() !== '' && Number.isInteger(n) && n > 0 ? durationText(n, t, i18n.language) : undefined}
                        error={errorAt(e, `sla.${SLA_PATHS[kind]}.${p}`)}
                      >
                        <input type="number" min={1} max={MAX_MINUTES} step={1} inputMode="numeric" data-field={`sla.${SLA_PATHS[kind]}.${p}`} value={value} readOnly={!editable} onChange={(ev) => setSla(kind, p, ev.target.value)} />
                      </Field>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {(['first_response_minutes', 'resolution_minutes'] as const).map((k) => (e[`sla.${k}`] ? <p key={k} className="field-error" role="alert">{e[`sla.${k}`]}</p> : null))}
        <Field label={t('slaTargets.warn')} hint={t('slaTargets.warnHint')} error={errorAt(e, 'sla.warn_minutes')}>
          <input type="number" min={0} max={MAX_WARN} step={1} inputMode="numeric" data-field="sla.warn_minutes" value={draft.warn} readOnly={!editable} onChange={(ev) => { const v = ev.target.value; setDraft((x) => ({ ...x, warn: v })) }} />
        </Field>
      </fieldset>

      {(save.general !== null || others.length > 0) && (
        <p className="notice notice-error" role="alert" id="desk-hours-error">
          {t('saveFailed')} {save.general !== null ? <ServerError error={save.general} /> : <span lang="en">{others.join('; ')}</span>}
        </p>
      )}
      {editable && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" id="desk-hours-save" disabled={save.busy}>
            {tc('actions.save')}
          </button>
        </div>
      )}
    </form>
  )
}
