/**
 * A message's HTML in an iframe that can run nothing: `sandbox` without allow-scripts (and without
 * allow-same-origin, so it cannot read the dashboard). With `clickableLinks` links open in a new tab
 * outside the sandbox (the Outbox, where they are the real tracking links); otherwise they go nowhere.
 */
export function SandboxedHtml({ html, title, id, clickableLinks = false }: { html: string; title: string; id?: string; clickableLinks?: boolean }) {
  const doc = clickableLinks ? withNewTabLinks(html) : html
  return <iframe id={id} className="campaign-html" title={title} sandbox={clickableLinks ? 'allow-popups allow-popups-to-escape-sandbox' : ''} srcDoc={doc} style={{ width: '100%', minHeight: '20rem', border: '1px solid #d0d5dd', borderRadius: '0.375rem', background: '#fff' }} />
}

/** A `<base target="_blank">` first, so every link of the message opens in a new tab. */
export function withNewTabLinks(html: string): string {
  const base = '<base target="_blank">'
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${base}`) : `${base}${html}`
}
