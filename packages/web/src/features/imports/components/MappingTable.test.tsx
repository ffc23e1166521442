import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import '../../../i18n/index.ts'
import { defaultMapping, IGNORE, mappingProblems } from '../lib/column-mapping.ts'
import { entityFields } from '../lib/entity-fields.ts'
import { MappingTable } from './MappingTable.tsx'

afterEach(cleanup)

const customers = entityFields('customers')
const header = ['id', 'E-mail', 'Name']
const rows = [['c1', 'a@example.com', 'Ann']]

describe('MappingTable', () => {
  test('each column has a labelled select; only a column named like no field offers "not imported"', () => {
    const mapping = defaultMapping(header, customers)
    render(<MappingTable header={header} rows={rows} entity={customers} mapping={mapping} onChange={() => undefined} problems={[]} />)
    const email = screen.getByLabelText<HTMLSelectElement>('E-mail')
    expect(email.value).toBe(IGNORE)
    expect([...email.options].map((o) => o.value)).toContain(IGNORE)
    const name = screen.getByLabelText<HTMLSelectElement>('Name')
    expect(name.value).toBe('name')
    expect([...name.options].map((o) => o.value)).not.toContain(IGNORE)
    expect(screen.getAllByRole('option', { name: 'external_id (required)' }).length).toBeGreaterThan(0)
    expect(screen.getByRole('row', { name: /E-mail/ }).textContent).toContain('a@example.com')
  })

  test('choosing a field reports the new mapping; a missing required field is shown as an alert', () => {
    const onChange = vi.fn()
    const mapping = defaultMapping(header, customers)
    render(<MappingTable header={header} rows={rows} entity={customers} mapping={mapping} onChange={onChange} problems={mappingProblems(header, mapping, customers)} />)
    expect(screen.getByRole('alert').textContent).toContain('The required field external_id has no column')
    fireEvent.change(screen.getByLabelText('id'), { target: { value: 'external_id' } })
    expect(onChange).toHaveBeenCalledWith({ id: 'external_id', 'E-mail': IGNORE, Name: 'name' })
  })
})
