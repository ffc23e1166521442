import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

/** The answers and bodies of the campaigns API, from the generated schema. */
export type Campaign = Answer<'/api/v1/campaigns/{id}', 'get'>
export type CampaignPage = Answer<'/api/v1/campaigns/', 'get'>
export type CampaignStatus = Campaign['status']
export type Channel = Campaign['channel']
export type Variant = Campaign['variants'][number]
export type Template = Variant['template']
export type SendSettings = Campaign['settings']
export type NewCampaign = NonNullable<paths['/api/v1/campaigns/']['post']['requestBody']>['content']['application/json']
export type CampaignPatch = NonNullable<paths['/api/v1/campaigns/{id}']['patch']['requestBody']>['content']['application/json']
export type Audience = Answer<'/api/v1/campaigns/{id}/audience', 'get'>
export type ExclusionReason = keyof Audience['excluded']
export type Progress = NonNullable<Campaign['progress']>
export type MessagePreview = Answer<'/api/v1/campaigns/{id}/preview', 'post'>
export type MergeField = Answer<'/api/v1/campaigns/merge-fields', 'get'>['data'][number]
export type CampaignSettings = Answer<'/api/v1/campaigns/settings', 'get'>
export type Results = Answer<'/api/v1/campaigns/{id}/results', 'get'>
/** A group's counts; `unsubscribed` and the other loose counts are read by name. */
export type GroupStats = Results['treated'] & { unsubscribed?: number; failed?: number; uncertain?: number }
export type Lift = Results['lift']
export type BreakdownRow = Results['breakdown']['rfm'][number]
export type CaughtPage = Answer<'/api/v1/campaigns/outbox', 'get'>
export type CaughtMail = CaughtPage['data'][number]
export type CaughtMailFull = Answer<'/api/v1/campaigns/outbox/{id}', 'get'>
export type SuppressionPage = Answer<'/api/v1/campaigns/suppressions', 'get'>
export type Suppression = SuppressionPage['data'][number]

export const EXCLUSION_REASONS: ExclusionReason[] = ['no_address', 'suppressed', 'no_consent', 'unconfirmed_consent', 'negative_ticket', 'frequency_cap', 'global_control', 'uplift_targeting']
export const STATUSES: CampaignStatus[] = ['draft', 'sending', 'paused', 'done', 'cancelled']

/** The workspace's campaign rules page (PATCH /campaigns/settings and double opt-in's confirmation requests). */
export type CampaignSettingsPatch = NonNullable<paths['/api/v1/campaigns/settings']['patch']['requestBody']>['content']['application/json']
export type ConfirmationStatus = Answer<'/api/v1/campaigns/consent-confirmations', 'get'>
// A 202 answer, which Answer<> does not read.
export type ConfirmationsQueued = paths['/api/v1/campaigns/consent-confirmations']['post']['responses'][202]['content']['application/json']
