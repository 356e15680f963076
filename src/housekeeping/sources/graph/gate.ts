/**
 * One throttling gate per tenant: Graph's Retry-After applies to the app in that tenant, so when any request
 * is told to wait, every worker of every scan in that tenant (in this process) waits too.
 */
export class ThrottleGate {
  private closedUntil = 0;

  /** Closes the gate for `ms` from now (never shortens an earlier pause). */
  pause(ms: number): void {
    this.closedUntil = Math.max(this.closedUntil, Date.now() + ms);
  }

  /** Resolves when the gate is open; returns the milliseconds waited. */
  async wait(signal?: AbortSignal): Promise<{ from: number; to: number }> {
    const from = Date.now();
    while (Date.now() < this.closedUntil) {
      signal?.throwIfAborted();
      await sleep(this.closedUntil - Date.now(), signal);
    }
    return { from, to: Date.now() };
  }
}

const gates = new Map<string, ThrottleGate>();

export function gateFor(tenant: string): ThrottleGate {
  let gate = gates.get(tenant);
  if (!gate) gates.set(tenant, (gate = new ThrottleGate()));
  return gate;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
