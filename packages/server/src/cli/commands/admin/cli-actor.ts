import { systemActor, type Actor } from '../../../domain/actor.ts'
import { workspaceIdOf } from '../../../services/workspaces/workspaces.ts'
import type { Db } from '../../../store/db.ts'

/** The CLI acts on the local database as the system actor `cli` of the named workspace (audited as such). */
export async function cliActor(db: Db, slug: string): Promise<Actor> {
  return systemActor(await workspaceIdOf(db, slug), 'cli')
}
