// What start-up, jobs and the API use of the job queue; the drivers stay behind openQueue.
export type { EnqueueOptions, JobContext, JobHandler, JobInfo, JobPage, JobPayload, JobState, JobView, ListJobsOptions, Queue } from './queue.ts'
export { JOB_STATES, JobFailure } from './queue.ts'
export type { JobEvent } from './job-runner.ts'
export { openQueue, type OpenQueueOptions } from './open-queue.ts'
