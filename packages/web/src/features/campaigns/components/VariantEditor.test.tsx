import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { i18n } from '../../../i18n/index.ts'
import { newVariant } from '../lib/draft.ts'
import { VariantEditor } from './VariantEditor.tsx'

beforeEach(async () => {
  await i18n.changeLanguage('en')
})
afterEach(cleanup)

const noop = () => undefined

describe('a variant’s template editor', () => {
  test('a server error in the Chinese HTML opens the Chinese tab once and shows the error beside that field, position first', () => {
    const editor = (issues: Record<string, string>) => <VariantEditor index={0} variant={newVariant([])} channel="email" issues={issues} canRemove={false} onChange={noop} onRemove={noop} onCursor={noop} />
    const { rerender } = render(editor({}))
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('English')
    rerender(editor({ 'variants.0.template.zh.html': 'line 2, column 5: unknown merge field "customer.nmae"' }))
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Chinese (has errors)')
    const html = document.querySelector('[data-field="variants.0.template.zh.html"]')
    expect(html?.getAttribute('aria-invalid')).toBe('true')
    const errorId = html?.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(errorId)?.textContent).toBe('Line 2, column 5: unknown merge field "customer.nmae"')
    fireEvent.click(screen.getByRole('tab', { name: 'English' }))
    // After that the person switches freely; the tab with the error keeps its mark.
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('English')
    expect(document.querySelector('[data-field="variants.0.template.en.subject"]')).not.toBeNull()
    expect(screen.getByRole('tab', { name: 'Chinese (has errors)' })).toBeTruthy()
  })

  test('an SMS variant has only a text part', () => {
    render(<VariantEditor index={1} variant={newVariant([])} channel="sms" issues={{}} canRemove onChange={noop} onRemove={noop} onCursor={noop} />)
    expect(document.querySelector('[data-field="variants.1.template.en.subject"]')).toBeNull()
    expect(document.querySelector('[data-field="variants.1.template.en.html"]')).toBeNull()
    expect(document.querySelector('[data-field="variants.1.template.en.text"]')).not.toBeNull()
  })
})
