import { z } from 'zod'
import { PRIORITIES } from '../../domain/entities.ts'
import { WEEKDAYS } from './business-time.ts'

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'a time is HH:MM, 00:00 to 24:00')
const window = z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, 'a window ends after it starts')
const perPriority = z.strictObject(Object.fromEntries(PRIORITIES.map((p) => [p, z.number().int().min(1).max(60 * 24 * 365)])) as Record<(typeof PRIORITIES)[number], z.ZodNumber>)

export const deskSettingsInput = z.strictObject({
  business_hours: z.strictObject({
    week: z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(window).max(6).optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodArray<typeof window>>>)
      .refine((w) => Object.values(w).some((list) => (list ?? []).length > 0), 'at least one opening window'),
    holidays: z.array(z.iso.date()).max(400).default([]),
  }),
  sla: z.strictObject({
    first_response_minutes: perPriority.describe('Business minutes to the first reply, per priority'),
    resolution_minutes: perPriority.describe('Business minutes to solved, per priority'),
    warn_minutes: z.number().int().min(0).max(60 * 24 * 7).default(60).describe('A conversation is "breaching" this long before a deadline'),
  }),
})
export type DeskSettingsInput = z.input<typeof deskSettingsInput>
export type DeskSettings = z.output<typeof deskSettingsInput>

/** Monday to Friday 09:00–18:00; first reply within 1 h (urgent) to 1 day (low), solved within 1 to 10 days. */
export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  business_hours: { week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]])) as DeskSettings['business_hours']['week'], holidays: [] },
  sla: {
    first_response_minutes: { urgent: 60, high: 240, normal: 540, low: 1080 },
    resolution_minutes: { urgent: 540, high: 1080, normal: 2700, low: 5400 },
    warn_minutes: 60,
  },
}
