import { chooseK, classifierProba, crossValidateUplift, explainRows, fitChoice, fitClassifier, kMeans, selectUpliftLearner, silhouetteScore } from '@rapport/ml'

/**
 * The pure, CPU-heavy functions of @rapport/ml that model jobs run on the compute thread. Each takes and
 * returns plain data (objects, arrays, typed arrays), so structured clone carries it between threads unchanged.
 */
export const computeTasks = { fitClassifier, classifierProba, explainRows, chooseK, kMeans, silhouetteScore, selectUpliftLearner, crossValidateUplift, fitChoice }

export type ComputeTasks = typeof computeTasks
export type ComputeTaskName = keyof ComputeTasks
