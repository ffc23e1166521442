import { queueDrivers } from '../../../test/queue/queue-backends.ts'
import { queueContract } from './queue.contract.ts'

for (const driver of queueDrivers()) queueContract(driver.name, () => driver.open())
