/**
 * @rapport/ml — Rapport's pure algorithms. No I/O, no database, no clock: data, seeds and options come in
 * as arguments, results go out as values. Each capability lives in its own folder; this file is the curated
 * public surface. Each section below is owned by one capability; add exports only inside your own section.
 */
export * from './random.ts'
export * from './sparse/csr.ts'
export * from './eval/stratified-kfold.ts'

// --- recommend/ + eval/ (recommendation) ---
export * from './recommend/types.ts'
export * from './recommend/interactions.ts'
export * from './recommend/top-k.ts'
export * from './recommend/recommend-top-n.ts'
export * from './recommend/global-mean.ts'
export * from './recommend/baseline.ts'
export * from './recommend/knn-baseline.ts'
export { SvdModel, fitSvd, type SvdOptions } from './recommend/svd.ts'
export * from './recommend/svdpp.ts'
export * from './recommend/blend.ts'
export * from './recommend/popularity.ts'
export * from './recommend/item-knn.ts'
export * from './recommend/implicit-als.ts'
export * from './recommend/ease.ts'
export * from './recommend/spd-inverse.ts'
export { fitContentTfidf, ContentModel, type ContentItem } from './recommend/content-tfidf.ts'
export * from './recommend/hybrid.ts'
export * from './recommend/model-json.ts'
export * from './recommend/registry.ts'
export * from './eval/rating-metrics.ts'
export * from './eval/ranking-metrics.ts'
export * from './eval/recommend-split.ts'
export * from './eval/recommend-evaluate.ts'

// --- stats/, segment/, rules/, clv/ (customer analytics) ---

// --- data/, predict/, risk/, eval/ (predictive models) ---
export * from './data/frame.ts'
export * from './data/infer-schema.ts'
export * from './data/pipeline.ts'
export * from './eval/binary-auc.ts'
export * from './eval/binary-loss.ts'
export * from './eval/classification-metrics.ts'
export * from './eval/cost-threshold.ts'
export * from './eval/lift-gains.ts'
export * from './eval/fairness-report.ts'
export * from './predict/lbfgs.ts'
export * from './predict/logistic.ts'
export * from './predict/ridge.ts'
export * from './predict/polynomial.ts'
export * from './predict/tree.ts'
export * from './predict/hist-binning.ts'
export * from './predict/cart.ts'
export * from './predict/gbdt.ts'
export * from './predict/calibration.ts'
export * from './predict/tree-shap.ts'
export * from './predict/linear-contributions.ts'
export * from './predict/permutation-importance.ts'
export * from './predict/classifier.ts'
export * from './predict/explain-classifier.ts'
export * from './predict/cross-validate.ts'
export * from './risk/woe.ts'
export * from './risk/monotone-binning.ts'
export * from './risk/scorecard.ts'
export * from './risk/scorecard-cv.ts'
export * from './risk/isolation-forest.ts'

// --- text/ (text intelligence) ---
