import { describe, expect, test } from 'vitest'
import { canIgnore, columnsParam, defaultMapping, IGNORE, mappingProblems, targetChoices } from './column-mapping.ts'
import { entityFields } from './entity-fields.ts'

const customers = entityFields('customers')

describe('column mapping', () => {
  test('entity fields come from the server schemas; order_items from its import shape; orders without items', () => {
    expect(customers.fields).toContain('email')
    expect(customers.required).toEqual(['external_id'])
    expect(customers.bag).toBe('attributes')
    expect(entityFields('products').required.sort()).toEqual(['name', 'sku'])
    expect(entityFields('orders').fields).not.toContain('items')
    expect(entityFields('events').bag).toBe('properties')
    expect(entityFields('order_items')).toEqual({ fields: ['order_id', 'sku', 'quantity', 'unit_price'], required: ['order_id', 'sku', 'quantity', 'unit_price'], bag: undefined })
  })

  test('defaults: same name, case-insensitive, else ignored', () => {
    expect(defaultMapping(['external_id', 'Name', 'E-mail', 'Town'], customers)).toEqual({ external_id: 'external_id', Name: 'name', 'E-mail': IGNORE, Town: IGNORE })
  })

  test('only a column named like no field may be ignored (the server always imports a field-named column)', () => {
    expect(canIgnore('Town', customers.fields)).toBe(true)
    expect(canIgnore('EMAIL', customers.fields)).toBe(false)
    expect(targetChoices('Town', customers)).toEqual([IGNORE, ...customers.fields, 'attributes.Town'])
    expect(targetChoices('email', customers)[0]).toBe('external_id')
    expect(targetChoices('a.b', customers)).not.toContain('attributes.a.b')
    expect(targetChoices('x', entityFields('order_items'))).toEqual([IGNORE, 'order_id', 'sku', 'quantity', 'unit_price'])
  })

  test('problems: required field not mapped, two columns on one field, a column named twice, no header', () => {
    expect(mappingProblems(['E-mail', 'name'], { 'E-mail': 'email', name: 'name' }, customers)).toEqual([{ kind: 'missingRequired', field: 'external_id' }])
    expect(mappingProblems(['id', 'E-mail', 'email'], { id: 'external_id', 'E-mail': 'email', email: 'email' }, customers)).toEqual([
      { kind: 'duplicateTarget', field: 'email', columns: ['E-mail', 'email'] },
    ])
    expect(mappingProblems(['external_id', 'City', 'city'], defaultMapping(['external_id', 'City', 'city'], customers), customers)).toContainEqual({ kind: 'duplicateColumn', column: 'city' })
    expect(mappingProblems([], {}, customers)).toEqual([{ kind: 'noHeader' }])
    expect(mappingProblems(['id', 'E-mail'], { id: 'external_id', 'E-mail': 'email' }, customers)).toEqual([])
  })

  test('the columns parameter holds only renames', () => {
    expect(columnsParam({ id: 'external_id', email: 'email', Town: IGNORE, Note: 'attributes.Note' })).toEqual({ id: 'external_id', Note: 'attributes.Note' })
  })
})
