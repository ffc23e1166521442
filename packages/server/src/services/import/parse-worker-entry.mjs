// Worker threads start without the loaders of the thread that made them: register tsx (as bin/rapport.js
// does), then run the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./parse-worker.ts')
