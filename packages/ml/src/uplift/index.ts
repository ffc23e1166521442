/** Uplift modelling: metrics (scikit-uplift's definitions), folds, meta-learners, the uplift forest, cross-validation. */
export * from './qini.ts'
export * from './uplift-at-k.ts'
export * from './uplift-folds.ts'
export * from './meta-learners.ts'
export * from './cross-validate-uplift.ts'
export * from './uplift-forest.ts'
