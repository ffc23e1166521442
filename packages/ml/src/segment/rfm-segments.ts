export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose them",
  'Hibernating',
  'Lost',
] as const

export type RfmSegmentName = (typeof RFM_SEGMENTS)[number]

/**
 * The named segment of a recency score r and frequency score f (1–5 each), on the widely used R/F grid
 * (the "RFM segmentation" map popularised by Putler and countless tutorials), with its bottom-left corner
 * split so that R = 1, F ≤ 2 is "Lost" and R = 2, F ≤ 2 is "Hibernating". Every one of the 25 cells maps
 * to exactly one segment:
 *
 *        F=1            F=2             F=3             F=4        F=5
 *   R=5  New            Potential loy.  Potential loy.  Champions  Champions
 *   R=4  Promising      Potential loy.  Potential loy.  Loyal      Loyal
 *   R=3  About to sleep About to sleep  Need attention  Loyal      Loyal
 *   R=2  Hibernating    Hibernating     At risk         At risk    Can't lose them
 *   R=1  Lost           Lost            At risk         At risk    Can't lose them
 */
export function rfmSegment(r: number, f: number): RfmSegmentName {
  if (r >= 5 && f >= 4) return 'Champions'
  if (r >= 3 && f >= 4) return 'Loyal'
  if (r >= 4 && f >= 2) return 'Potential loyalist'
  if (r >= 5) return 'New'
  if (r === 4) return 'Promising'
  if (r === 3) return f === 3 ? 'Need attention' : 'About to sleep'
  if (f >= 5) return "Can't lose them"
  if (f >= 3) return 'At risk'
  return r === 2 ? 'Hibernating' : 'Lost'
}
