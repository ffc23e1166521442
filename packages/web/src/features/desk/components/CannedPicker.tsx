import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog.tsx'
import { Field } from '../../../components/Field.tsx'
import { Empty, ErrorState, Loading } from '../../../components/States.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { CANNED_LIMITS, useCannedChoices, type Canned, type CannedLang } from '../api/canned.ts'
import { preview } from '../lib/canned-text.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'

const LIST_ID = 'desk-canned-picker-list'
const optionId = (c: Canned) => `desk-canned-option-${c.id}`

/**
 * "Insert saved reply": a search box over the workspace's saved replies (in the conversation's language when it is
 * known, every language otherwise or on request) and the list it filters. The box is a combobox: Up and Down move
 * through the list, Enter inserts the chosen reply, Escape closes the dialog; a click inserts too.
 */
export function CannedPicker(p: { language: CannedLang | undefined; busyId: number | null; error: unknown; onPick: (c: Canned) => void; onClose: () => void }) {
  const { t } = useTranslation('deskCanned')
  const [q, setQ] = useState('')
  const [onlyLang, setOnlyLang] = useState(p.language !== undefined)
  const [active, setActive] = useState(0)
  const search = useRef<HTMLInputElement>(null)
  const asked = useDebounced(q)
  const lang = onlyLang ? p.language : undefined
  const list = useCannedChoices({ enabled: true, lang, q: asked })
  const rows = list.data?.data ?? []
  const current = rows.length === 0 ? -1 : Math.min(active, rows.length - 1)
  const chosen = current >= 0 ? rows[current] : undefined

  // The dialog focuses its first control when it opens (the close button): the search box is where typing goes.
  useEffect(() => {
    const timer = setTimeout(() => search.current?.focus(), 0)
    return () => clearTimeout(timer)
  }, [])
  // The chosen option stays in view as the arrows move through a long list.
  useEffect(() => {
    if (chosen) document.getElementById(optionId(chosen))?.scrollIntoView?.({ block: 'nearest' })
  }, [chosen])

  const pick = (c: Canned | undefined) => {
    if (c && p.busyId === null) p.onPick(c)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return
    if (e.key === 'Enter') e.preventDefault()
    if (rows.length === 0) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive(e.key === 'ArrowDown' ? Math.min(current + 1, rows.length - 1) : Math.max(current - 1, 0))
    } else if (e.key === 'Enter') {
      pick(chosen)
    }
  }

  return (
    <Dialog
      open
      title={t('picker.title')}
      onClose={p.onClose}
      footer={
        <>
          <Link to="/desk/canned" id="desk-canned-picker-manage" className="btn btn-ghost">
            {t('manage')}
          </Link>
          <button type="button" className="btn" onClick={p.onClose}>
            {t('picker.cancel')}
          </button>
        </>
      }
    >
      <div className="form-stack" id="desk-canned-picker" data-lang={lang ?? 'all'} data-state={list.isFetching ? 'loading' : list.error ? 'error' : 'ready'}>
        <Field label={t('picker.search')} hint={t('picker.keys')}>
          <input
            ref={search}
            type="text"
            role="combobox"
            data-field="q"
            autoComplete="off"
            maxLength={CANNED_LIMITS.q}
            aria-autocomplete="list"
            aria-expanded={rows.length > 0}
            aria-controls={rows.length > 0 ? LIST_ID : undefined}
            aria-activedescendant={chosen ? optionId(chosen) : undefined}
            value={q}
            onChange={(e) => {
              setQ(e.target.value)
              setActive(0)
            }}
            onKeyDown={onKeyDown}
          />
        </Field>
        {p.language !== undefined && (
          <label className="desk-canned-picker-lang">
            <input
              type="checkbox"
              id="desk-canned-picker-lang"
              checked={onlyLang}
              onChange={(e) => {
                setOnlyLang(e.currentTarget.checked)
                setActive(0)
              }}
            />{' '}
            {t('picker.onlyLang', { lang: t(`langs.${p.language}`) })}
          </label>
        )}
        {p.error ? (
          <p className="notice notice-error" role="alert" id="desk-canned-picker-error">
            {t('insertFailed')} <ServerError error={p.error} />
          </p>
        ) : null}
        {p.busyId !== null && <Loading label={t('picker.inserting')} />}
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data === undefined ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Empty>{asked.trim() !== '' || lang !== undefined ? t('picker.noMatch') : t('picker.none')}</Empty>
        ) : (
          <ul role="listbox" id={LIST_ID} aria-label={t('picker.list')} style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: '22rem', overflowY: 'auto' }}>
            {rows.map((c, i) => (
              <li
                key={c.id}
                id={optionId(c)}
                role="option"
                aria-selected={i === current}
                aria-disabled={p.busyId !== null || undefined}
                data-canned={c.id}
                data-shortcut={c.shortcut ?? undefined}
                data-lang={c.lang}
                className={i === current ? 'btn-selected' : undefined}
                style={{ padding: '0.4rem 0.5rem', borderRadius: '6px', cursor: 'pointer', border: '1px solid transparent' }}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => pick(c)}
              >
                <strong lang={c.lang}>{c.title}</strong> {c.shortcut !== null && <code>{c.shortcut}</code>} <span className="badge">{t(`langs.${c.lang}`)}</span>
                <br />
                <span className="muted" lang={c.lang}>
                  {preview(c.body)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  )
}
