import bodies from '../../../lib/api/request-bodies.gen.json'

/** The entities the import endpoint takes, in the order a full load follows (references point backwards). */
export const IMPORT_ENTITIES = ['customers', 'products', 'orders', 'order_items', 'events', 'reviews', 'tickets', 'consents'] as const
export type ImportEntity = (typeof IMPORT_ENTITIES)[number]

export interface EntityFields {
  fields: string[]
  required: string[]
  /** The JSON object field extra columns can go into as `<bag>.<column>` (attributes or properties). */
  bag: 'attributes' | 'properties' | undefined
}

interface BodySchema {
  properties?: Record<string, unknown>
  required?: string[]
}

/**
 * Fields of each entity in the import shape: the server's own request-body schemas (generated from the
 * OpenAPI document), minus what only the API body has (an order's nested `items`). order_items has no body
 * of its own: its shape is the server's orderItemInput (domain/entities.ts).
 */
export function entityFields(entity: ImportEntity): EntityFields {
  if (entity === 'order_items') return { fields: ['order_id', 'sku', 'quantity', 'unit_price'], required: ['order_id', 'sku', 'quantity', 'unit_price'], bag: undefined }
  const schema = (bodies as Record<string, BodySchema>)[`POST /api/v1/${entity}`] ?? {}
  const fields = Object.keys(schema.properties ?? {}).filter((f) => !(entity === 'orders' && f === 'items'))
  const bag = fields.includes('attributes') ? 'attributes' : fields.includes('properties') ? 'properties' : undefined
  return { fields, required: (schema.required ?? []).filter((f) => fields.includes(f)), bag }
}
