import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import '../../../i18n/index.ts'
import { i18n } from '../../../i18n/index.ts'
import { ApiError } from '../../../lib/api/api-error.ts'
import { createKey } from '../api/keys.ts'
import { CreateKeyDialog } from './CreateKeyDialog.tsx'

vi.mock('../api/keys.ts', () => ({ createKey: vi.fn() }))
const create = vi.mocked(createKey)

afterEach(() => {
  cleanup()
  create.mockReset()
})

async function renderDialog() {
  await i18n.changeLanguage('en')
  const onCreated = vi.fn()
  render(<CreateKeyDialog onCreated={onCreated} onClose={() => undefined} />)
  return onCreated
}

describe('CreateKeyDialog', () => {
  test('refuses an empty name with the server’s own rule, without sending anything', async () => {
    await renderDialog()
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true')
    expect(create).not.toHaveBeenCalled()
  })

  test('refuses a lifetime past 3650 days at the field', async () => {
    await renderDialog()
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } })
    fireEvent.change(screen.getByLabelText('Expires after (days)'), { target: { value: '4000' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    await waitFor(() => expect(screen.getByLabelText('Expires after (days)').getAttribute('aria-invalid')).toBe('true'))
    expect(create).not.toHaveBeenCalled()
  })

  test('sends name, role and lifetime; the created key goes to the caller', async () => {
    const created = { id: 1, name: 'ci', role: 'analyst', prefix: 'rk_ab', key: 'rk_abcdef', created_by: 'x', created_at: '', expires_at: null, revoked_at: null, last_used_at: null } as const
    create.mockResolvedValue(created)
    const onCreated = await renderDialog()
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' ci ' } })
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'analyst' } })
    fireEvent.change(screen.getByLabelText('Expires after (days)'), { target: { value: '30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created))
    expect(create).toHaveBeenCalledWith({ name: 'ci', role: 'analyst', expires_in_days: 30 })
  })

  test('shows the server’s field error next to its field, and another refusal for the whole form', async () => {
    create.mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'body/name: too long', [{ path: 'body.name', message: 'the server says no' }]))
    await renderDialog()
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText('the server says no')).toBeTruthy()
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true')

    create.mockRejectedValueOnce(new ApiError(403, 'forbidden', 'only an owner can create an owner key'))
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText(/only an owner can create an owner key/)).toBeTruthy()
  })
})
