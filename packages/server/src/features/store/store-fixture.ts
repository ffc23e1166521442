import type { Db } from '../../store/db.ts'

/**
 * Test helper: writes hand-made rows straight into the store tables (direct SQL, external ids generated), so
 * a feature test can state every input next to the value it expects. Times are ISO strings.
 */
export class StoreFixture {
  private seq = 0
  /** `idPrefix` keeps the external ids of a second fixture on the same workspace apart. */
  constructor(private readonly db: Db, readonly workspaceId = 1, private readonly idPrefix = '') {}

  private next(kind: string): string {
    this.seq += 1
    return `${this.idPrefix}${kind}${this.seq}`
  }

  private async insert(sql: string, params: unknown[]): Promise<number> {
    const [row] = await this.db.query<{ id: number }>(`${sql} RETURNING id`, [this.workspaceId, ...params])
    if (!row) throw new Error('insert returned no row')
    return Number(row.id)
  }

  customer(fields: { signup_at?: string; birth_date?: string; city?: string; gender?: string; signup_channel?: string } = {}): Promise<number> {
    const attributes = fields.signup_channel ? { acquisition_channel: fields.signup_channel } : {}
    return this.insert(
      'INSERT INTO customers (workspace_id, external_id, signup_at, birth_date, city, gender, attributes) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [this.next('C'), fields.signup_at ?? null, fields.birth_date ?? null, fields.city ?? null, fields.gender ?? null, JSON.stringify(attributes)],
    )
  }

  product(category: string | null): Promise<number> {
    const sku = this.next('P')
    return this.insert('INSERT INTO products (workspace_id, sku, name, category) VALUES ($1, $2, $3, $4)', [sku, sku, category])
  }

  /** An order with its lines ([productId, quantity, unitPrice]); total = the lines' sum unless given. */
  async order(customerId: number, at: string, status: string, channel: string | null, lines: [number, number, number][], total?: number): Promise<number> {
    const sum = total ?? lines.reduce((s, [, q, p]) => s + q * p, 0)
    const id = await this.insert(
      'INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, channel, total) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [this.next('O'), customerId, at, status, channel, sum],
    )
    for (const [productId, quantity, unitPrice] of lines) {
      await this.db.query('INSERT INTO order_items (workspace_id, order_id, product_id, quantity, unit_price) VALUES ($1, $2, $3, $4, $5)', [this.workspaceId, id, productId, quantity, unitPrice])
    }
    return id
  }

  event(customerId: number, type: string, at: string): Promise<number> {
    return this.insert('INSERT INTO events (workspace_id, external_id, customer_id, type, occurred_at) VALUES ($1, $2, $3, $4, $5)', [this.next('E'), customerId, type, at])
  }

  review(customerId: number, productId: number, rating: number, at: string): Promise<number> {
    return this.insert(
      'INSERT INTO reviews (workspace_id, external_id, customer_id, product_id, rating, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [this.next('R'), customerId, productId, rating, at],
    )
  }

  ticket(customerId: number, at: string, status: string, priority: string): Promise<number> {
    return this.insert(
      `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, status, priority, opened_at) VALUES ($1, $2, $3, 'email', 'subject', $4, $5, $6)`,
      [this.next('T'), customerId, status, priority, at],
    )
  }

  consent(customerId: number, channel: 'email' | 'sms', purpose: string, status: 'granted' | 'revoked', at: string): Promise<number> {
    return this.insert(
      'INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [this.next('K'), customerId, channel, purpose, status, at],
    )
  }

  async workspace(slug: string): Promise<number> {
    const [row] = await this.db.query<{ id: number }>('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [slug])
    if (!row) throw new Error('no workspace')
    return Number(row.id)
  }
}
