// What start-up and the API use of the job queue.
export type { EnqueueOptions, JobContext, JobHandler, JobInfo, JobPage, JobPayload, JobState, JobView, ListJobsOptions, Queue } from './queue.ts'
export { JOB_STATES } from './queue.ts'
export { openQueue, type OpenQueueOptions } from './open-queue.ts'
