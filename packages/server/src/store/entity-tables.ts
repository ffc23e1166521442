import type { EntityName } from '../domain/entities.ts'

/**
 * How each importable entity maps onto its table: the natural key used for upserts, the columns written
 * (with the Postgres array type used for `unnest` and the expression that turns the unnested value into the
 * column), and the references resolved from external ids. One description drives import, export and the
 * batch-ingest API, so they cannot drift apart.
 */
export interface ColumnSpec {
  /** Field name in the import shape. */
  field: string
  /** Column name in the table (defaults to field). */
  column?: string
  /** Element type of the unnest array parameter. */
  arrayType: 'text' | 'numeric' | 'int4' | 'int8' | 'timestamptz' | 'date'
  /** SQL turning the unnested value `r.<column>` into the column value (default: as is). */
  expr?: (ref: string) => string
  /** SQL turning the stored column `t.<column>` back into the import shape on export (default: as is). */
  out?: (ref: string) => string
}

export interface RefSpec {
  /** Field holding the referenced record's external id. */
  field: string
  /** Column receiving the internal id. */
  column: string
  table: 'customers' | 'products' | 'orders'
  keyColumn: 'external_id' | 'sku'
  /** What the error message calls it. */
  noun: string
  optional?: boolean
}

export interface EntityTable {
  table: string
  /** Natural-key fields (import shape); after refs are resolved, keyColumns in the table. */
  keyFields: string[]
  keyColumns: string[]
  columns: ColumnSpec[]
  refs: RefSpec[]
  touchUpdatedAt: boolean
  /** Entities without a required external id get one derived from their content. */
  derivedKey: boolean
  /** Append-only tables keep the first row for a key; the others update it when it changed. */
  appendOnly?: boolean
}

const iso = (ref: string) => `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const jsonIn = (ref: string) => `${ref}::jsonb`
const num = (ref: string) => `${ref}::float8`
const ts = (field: string): ColumnSpec => ({ field, arrayType: 'timestamptz', out: iso })
const t = (field: string): ColumnSpec => ({ field, arrayType: 'text' })

const customerRef: RefSpec = { field: 'customer_id', column: 'customer_id', table: 'customers', keyColumn: 'external_id', noun: 'customer' }
const productRef: RefSpec = { field: 'sku', column: 'product_id', table: 'products', keyColumn: 'sku', noun: 'product' }

export const entityTables: Record<EntityName, EntityTable> = {
  customers: {
    table: 'customers',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'), t('name'), t('email'), t('phone'), t('gender'),
      { field: 'birth_date', arrayType: 'date', out: (r) => `${r}::text` },
      t('city'), t('region'), t('country'), ts('signup_at'),
      { field: 'tags', arrayType: 'text', expr: (r) => `ARRAY(SELECT jsonb_array_elements_text(coalesce(${r}, '[]')::jsonb))` },
      { field: 'attributes', arrayType: 'text', expr: (r) => `coalesce(${r}, '{}')::jsonb` },
    ],
    refs: [],
    touchUpdatedAt: true,
    derivedKey: false,
  },
  products: {
    table: 'products',
    keyFields: ['sku'],
    keyColumns: ['sku'],
    columns: [
      t('sku'), t('name'), t('category'), t('brand'),
      { field: 'price', arrayType: 'numeric', out: num },
      t('description'),
      { field: 'attributes', arrayType: 'text', expr: (r) => `coalesce(${r}, '{}')::jsonb` },
    ],
    refs: [],
    touchUpdatedAt: true,
    derivedKey: false,
  },
  orders: {
    table: 'orders',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'),
      { field: 'customer_id', arrayType: 'int8' },
      ts('ordered_at'), t('status'), t('channel'),
      { field: 'total', arrayType: 'numeric', out: num },
      t('currency'),
    ],
    refs: [customerRef],
    touchUpdatedAt: true,
    derivedKey: false,
  },
  order_items: {
    table: 'order_items',
    keyFields: ['order_id', 'sku'],
    keyColumns: ['order_id', 'product_id'],
    columns: [
      { field: 'order_id', arrayType: 'int8' },
      { field: 'sku', column: 'product_id', arrayType: 'int8' },
      { field: 'quantity', arrayType: 'int4' },
      { field: 'unit_price', arrayType: 'numeric', out: num },
    ],
    refs: [{ field: 'order_id', column: 'order_id', table: 'orders', keyColumn: 'external_id', noun: 'order' }, productRef],
    touchUpdatedAt: false,
    derivedKey: false,
  },
  events: {
    table: 'events',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'),
      { field: 'customer_id', arrayType: 'int8' },
      t('type'),
      { field: 'sku', column: 'product_id', arrayType: 'int8' },
      ts('occurred_at'),
      { field: 'properties', arrayType: 'text', expr: (r) => `coalesce(${r}, '{}')::jsonb` },
    ],
    refs: [customerRef, { ...productRef, optional: true }],
    touchUpdatedAt: false,
    derivedKey: true,
  },
  reviews: {
    table: 'reviews',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'),
      { field: 'customer_id', arrayType: 'int8' },
      { field: 'sku', column: 'product_id', arrayType: 'int8' },
      { field: 'rating', arrayType: 'int4' },
      t('text'), t('language'), ts('reviewed_at'),
    ],
    refs: [customerRef, productRef],
    touchUpdatedAt: false,
    derivedKey: true,
  },
  tickets: {
    table: 'tickets',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'),
      { field: 'customer_id', arrayType: 'int8' },
      t('channel'), t('subject'), t('body'), t('status'), t('priority'), ts('opened_at'),
    ],
    refs: [customerRef],
    touchUpdatedAt: true,
    derivedKey: false,
  },
  consents: {
    table: 'consents',
    keyFields: ['external_id'],
    keyColumns: ['external_id'],
    columns: [
      t('external_id'),
      { field: 'customer_id', arrayType: 'int8' },
      t('channel'), t('purpose'), t('status'), ts('recorded_at'), t('source'), ts('confirmed_at'),
    ],
    refs: [customerRef],
    touchUpdatedAt: false,
    derivedKey: true,
    appendOnly: true,
  },
}

export const columnName = (c: ColumnSpec): string => c.column ?? c.field
