import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toasts.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { CAMPAIGN_SETTINGS_KEY, updateCampaignSettings } from '../api/campaigns.ts'
import type { CampaignSettings, CampaignSettingsPatch } from '../api/campaign-types.ts'

/**
 * One section's save on the campaign settings page: a PATCH of just that section's keys, checked with the
 * server's rules first. Each section has its own, so an error shows in the section that caused it. The
 * answer is the whole new settings, so it replaces the cached ones (the other sections see it at once).
 */
export function useSettingsSave(onSaved?: (s: CampaignSettings) => void) {
  const { t } = useTranslation('campaignSettings')
  const qc = useQueryClient()
  const toast = useToast()
  return useCheckedSubmit<CampaignSettingsPatch, CampaignSettings>('PATCH /api/v1/campaigns/settings', updateCampaignSettings, (s) => {
    qc.setQueryData(CAMPAIGN_SETTINGS_KEY, s)
    toast(t('saved'))
    onSaved?.(s)
  })
}

/** A number input's text as a number; empty is NaN (not 0), so the rules refuse it rather than save 0. */
export const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))
