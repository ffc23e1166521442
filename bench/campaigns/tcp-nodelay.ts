import net from 'node:net'

/**
 * `--nodelay`: turns Nagle's algorithm off on every TCP connection this process opens, which is what the
 * proposed change to smtp-mailer.ts (a `getSocket` that calls setNoDelay) would do for the SMTP pool. Bench-only
 * and opt-in: it lets one run show the raw and Rapport rates with and without the stall described in
 * bench/results/campaigns.md (nodemailer leaves Nagle on; the last small write of each message then waits for
 * the server's delayed ACK, about 40 ms on Linux loopback). It applies to the benchmark's own process only
 * (the SMTP server process already sets no-delay on its side, as smtp-server does).
 */
export function disableNagleForOutgoing(): void {
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true)
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof connect
}
