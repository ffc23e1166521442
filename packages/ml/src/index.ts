/**
 * @rapport/ml — Rapport's pure algorithms. No I/O, no database, no clock: data, seeds and options come in
 * as arguments, results go out as values. Each capability lives in its own folder; this file is the curated
 * public surface. Each section below is owned by one capability; add exports only inside your own section.
 */
export * from './random.ts'
export * from './sparse/csr.ts'
export * from './eval/stratified-kfold.ts'

// --- recommend/ + eval/ (recommendation) ---

// --- stats/, segment/, rules/, clv/ (customer analytics) ---

// --- data/, predict/, risk/, eval/ (predictive models) ---

// --- text/ (text intelligence) ---
