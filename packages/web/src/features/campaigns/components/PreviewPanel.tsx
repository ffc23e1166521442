import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { submitFailure } from '../../../lib/use-checked-submit.ts'
import { useCan } from '../../auth/api/session.ts'
import { listCustomers, type Customer } from '../../customers/api/customers.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { previewMessage, sendTest } from '../api/campaigns.ts'
import type { Campaign, MessagePreview } from '../api/campaign-types.ts'
import { SandboxedHtml } from './SandboxedHtml.tsx'

/**
 * The saved draft as one customer gets it (found by name or e-mail) or as the example recipient: subject,
 * the HTML in a sandboxed frame, and the text. "Send test" mails that same rendering to an address.
 */
export function PreviewPanel({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns')
  const can = useCan()
  const toast = useToast()
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Customer[] | null>(null)
  const [customerId, setCustomerId] = useState('')
  const [variant, setVariant] = useState(c.variants[0]?.name ?? '')
  const [result, setResult] = useState<MessagePreview>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [to, setTo] = useState('')
  const [testErrors, setTestErrors] = useState<Record<string, string>>({})
  const [testError, setTestError] = useState<unknown>()

  const search = async () => {
    setError(undefined)
    try {
      const page = await listCustomers({ q: q.trim(), sort: 'name', limit: 10 })
      setFound(page.data)
      setCustomerId(page.data[0] ? String(page.data[0].id) : '')
    } catch (e) {
      setError(e)
    }
  }
  const body = () => ({ variant, ...(customerId !== '' && { customer_id: Number(customerId) }) })
  const show = async () => {
    setBusy(true)
    setError(undefined)
    try {
      setResult(await previewMessage(c.id, body()))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const test = async () => {
    setTestErrors({})
    setTestError(undefined)
    try {
      const r = await sendTest(c.id, { ...body(), to: to.trim() })
      toast(t('preview.testSent', { to: r.to }))
    } catch (e) {
      const f = submitFailure(e)
      setTestErrors(f.fields)
      setTestError(f.general ?? undefined)
    }
  }

  return (
    <section className="panel" aria-labelledby="campaign-preview-title" id="campaign-preview">
      <h2 id="campaign-preview-title">{t('preview.title')}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          void search()
        }}
      >
        <label>
          {t('preview.search')}
          <input type="search" id="preview-search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="filters-actions">
          <button type="submit" className="btn" id="preview-search-submit">
            {t('preview.searchButton')}
          </button>
        </div>
      </form>
      <div className="grid-2">
        <Field label={t('preview.customer')}>
          <select data-control="preview-customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
            <option value="">{t('preview.example')}</option>
            {(found ?? []).map((cu) => (
              <option key={cu.id} value={String(cu.id)}>
                {[cu.name, cu.email].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('preview.variant')}>
          <select data-control="preview-variant" value={variant} onChange={(e) => setVariant(e.target.value)}>
            {c.variants.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {found !== null && found.length === 0 && <p className="muted">{t('preview.noMatch')}</p>}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" id="show-preview" disabled={busy} onClick={() => void show()}>
          {t('preview.show')}
        </button>
      </div>
      {error !== undefined && (
        <p className="notice notice-error" role="alert">
          <ServerError error={error} />
        </p>
      )}
      {result && (
        <div id="preview-result" data-lang={result.lang} data-variant={result.variant}>
          <p className="muted">{t('preview.lang', { lang: t(`edit.lang.${result.lang}`) })}</p>
          {result.subject !== null && (
            <p>
              <strong>{t('preview.subject')}:</strong> <span id="preview-subject" data-i18n-skip>{result.subject}</span>
            </p>
          )}
          {result.html !== null && (
            <>
              <h3>{t('preview.html')}</h3>
              <SandboxedHtml id="preview-html" html={result.html} title={t('preview.frameTitle')} />
            </>
          )}
          <h3>{t('preview.text')}</h3>
          <pre id="preview-text" style={{ whiteSpace: 'pre-wrap' }}>{result.text}</pre>
        </div>
      )}
      {can('campaigns:send') && (
        <form
          className="form-stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void test()
          }}
        >
          <h3>{t('preview.testTitle')}</h3>
          <Field label={t('preview.testTo')} error={testErrors.to}>
            <input type={c.channel === 'email' ? 'email' : 'tel'} data-control="test-to" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn" id="send-test" disabled={to.trim() === ''}>
              {t('preview.sendTest')}
            </button>
          </div>
          {testError !== undefined && (
            <p className="notice notice-error" role="alert">
              <ServerError error={testError} />
            </p>
          )}
        </form>
      )}
    </section>
  )
}
