/** The RFM model's segment names (as it stores them) to their keys in the `intelligence` namespace. */
const RFM_KEYS: Record<string, string> = {
  Champions: 'champions', Loyal: 'loyal', 'Potential loyalist': 'potentialLoyalist', New: 'new', Promising: 'promising',
  'Need attention': 'needAttention', 'About to sleep': 'aboutToSleep', 'At risk': 'atRisk', "Can't lose them": 'cantLoseThem',
  Hibernating: 'hibernating', Lost: 'lost',
}

export const rfmKey = (label: string | null): string | undefined => (label === null ? undefined : RFM_KEYS[label])
