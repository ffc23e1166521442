import { z } from 'zod'
import { decimalInt, decimalNumber, safeText } from '../schemas.ts'

/** A number in [0, 1] in plain decimal notation (a probability). */
const fraction = decimalNumber.refine((n) => n <= 1, 'must be from 0 to 1')

/**
 * The customer list's (and its export's) filters on stored model results and purchase history: what segments,
 * campaigns and the dashboard's drill-downs select by. Customers without the score in question never match.
 */
export const customerScoreParams = z.object({
  churn_band: z.enum(['low', 'medium', 'high']).optional().describe('Churn risk band of the active churn model'),
  churn_min: fraction.optional().describe('Churn probability >= this (0-1)'),
  churn_max: fraction.optional().describe('Churn probability <= this (0-1)'),
  clv_min: decimalNumber.optional().describe('Expected 12-month value >= this'),
  clv_max: decimalNumber.optional().describe('Expected 12-month value <= this'),
  p_alive_min: fraction.optional().describe('P(alive) of the CLV model >= this (0-1)'),
  p_alive_max: fraction.optional().describe('P(alive) of the CLV model <= this (0-1)'),
  rfm_segment: safeText(60).pipe(z.string().min(1)).optional().describe('Named RFM segment, e.g. "Champions", "At risk"'),
  cluster: decimalInt(0, 999).optional().describe('Cluster index of the active clusters model'),
  next_category: safeText(120).pipe(z.string().min(1)).optional().describe('Most likely next category'),
  cohort: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM').optional()
    .describe('Month (YYYY-MM, UTC) of the first completed order'),
  bought_products: z.string()
    .regex(/^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,19}$/, 'must be 1 to 20 product ids separated by commas')
    .transform((s) => s.split(',').map(Number))
    .refine((ids) => ids.every(Number.isSafeInteger), 'has an id that is too large')
    .optional()
    .describe('Comma-separated product ids: customers with one completed order holding all of them (drill-down of a basket rule)'),
})
