/** Uplift modelling: metrics (scikit-uplift's definitions), folds, meta-learners, cross-validation. */
export * from './qini.ts'
export * from './uplift-at-k.ts'
export * from './uplift-folds.ts'
export * from './meta-learners.ts'
export * from './cross-validate-uplift.ts'
