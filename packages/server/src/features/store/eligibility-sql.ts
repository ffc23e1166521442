/**
 * Who gets a feature row as of asOf, as SQL conditions on a `customers c` row (placeholders passed in, so
 * the feature query and the exclusion count share them):
 * - eligible: signed up before asOf, or has any order, event, review or ticket timestamped before asOf (an
 *   imported history can predate the recorded signup; a customer with neither is not a customer yet);
 * - excluded: the latest consent row for the purpose `profiling` (any channel: profiling is a purpose, the
 *   schema's channel is only email/sms) recorded before the check time says `revoked`. A revocation and a
 *   grant recorded at the same instant count as revoked. Each is an indexed EXISTS per customer.
 */
export const PROFILING_PURPOSE = 'profiling'

export function eligibleSql(asOf: string): string {
  const any = (table: string, column: string) =>
    `EXISTS (SELECT 1 FROM ${table} x WHERE x.workspace_id = c.workspace_id AND x.customer_id = c.id AND x.${column} < ${asOf})`
  return `(c.signup_at < ${asOf} OR ${any('orders', 'ordered_at')} OR ${any('events', 'occurred_at')}
    OR ${any('reviews', 'reviewed_at')} OR ${any('tickets', 'opened_at')})`
}

export function profilingRevokedSql(checkedAt: string): string {
  return `EXISTS (SELECT 1 FROM (
      SELECT x.status FROM consents x
       WHERE x.workspace_id = c.workspace_id AND x.customer_id = c.id AND x.purpose = '${PROFILING_PURPOSE}' AND x.recorded_at < ${checkedAt}
       ORDER BY x.recorded_at DESC, (x.status = 'revoked') DESC, x.id DESC LIMIT 1) latest
    WHERE latest.status = 'revoked')`
}

/** `$ids::bigint[] IS NULL OR c.id = ANY(...)`: an optional restriction to some customers. */
export function customerFilterSql(ids: string): string {
  return `(${ids}::bigint[] IS NULL OR c.id = ANY(${ids}::bigint[]))`
}
