import type { Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'

/** Queues `desk.triage` for these conversations (or every pending one); returns the job id. */
export async function queueTriage(queue: Queue, actor: Actor, ticketIds?: readonly number[]): Promise<string> {
  requirePermission(actor, 'desk:reply')
  return queue.enqueue('desk.triage', ticketIds ? { ticket_ids: [...ticketIds] } : {}, { workspaceId: actor.workspaceId, actorLabel: actor.label, retryLimit: 1 })
}
