import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ServerError } from './ServerError.tsx'
import { parsePhrase } from '../api/segments.ts'
import type { Parsed } from '../api/segment-types.ts'
import type { SegmentNode } from '../lib/tree-types.ts'

/**
 * A segment said in words ("上海 过去30天 下单至少2次 …"): the server's phrase parser turns it into a tree,
 * which replaces the builder's for review — nothing is saved — and the words it did not understand are
 * listed, so the person knows what to add by hand.
 */
export function PhraseBox({ onTree }: { onTree: (tree: SegmentNode) => void }) {
  const { t } = useTranslation('segments')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<Parsed>()
  const [error, setError] = useState<unknown>()

  const submit = () => {
    const phrase = text.trim()
    if (phrase === '') return
    setBusy(true)
    setError(undefined)
    // The server tells the language from the phrase itself.
    parsePhrase(phrase)
      .then(
        (a) => {
          setAnswer(a)
          if (a.tree) onTree(a.tree)
        },
        (err: unknown) => {
          setAnswer(undefined)
          setError(err)
        },
      )
      .finally(() => setBusy(false))
  }

  return (
    <section className="panel seg-phrase" aria-labelledby="phrase-title" id="phrase">
      <h2 id="phrase-title">{t('phrase.title')}</h2>
      <form
        className="seg-phrase-form"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <label className="seg-control seg-control-wide">
          <span className="seg-control-label">{t('phrase.label')}</span>
          <input type="text" id="phrase-text" value={text} maxLength={500} placeholder={t('phrase.placeholder')} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="btn" id="phrase-submit" disabled={busy || text.trim() === ''}>
          {t('phrase.submit')}
        </button>
      </form>
      <div aria-live="polite" id="phrase-result">
        {answer?.tree && <p className="notice">{t('phrase.replaced')}</p>}
        {answer && !answer.tree && <p className="notice notice-error">{t('phrase.nothing')}</p>}
        {answer && answer.unknown.length > 0 && (
          <p className="seg-unknown" id="phrase-unknown">
            {t('phrase.unknown')}{' '}
            {answer.unknown.map((w, i) => (
              <span key={i}>
                {i > 0 && t('describe.listSeparator')}
                <q data-i18n-skip>{w}</q>
              </span>
            ))}
          </p>
        )}
        {error !== undefined && (
          <p className="notice notice-error" role="alert">
            <ServerError error={error} />
          </p>
        )}
      </div>
    </section>
  )
}
