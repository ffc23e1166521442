#!/usr/bin/env node
// Entry point for `npx rapport`: registers tsx so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api'

register()
// `rapport export customers | head` closes stdout early: that's the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw err
})
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv)
