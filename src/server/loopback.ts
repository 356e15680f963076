import type { Request } from 'express';

/**
 * Whether a request comes from this machine, by the socket's own peer address: never by X-Forwarded-For or req.ip,
 * which a remote caller can set (the app trusts one proxy hop for its logs, not for this).
 */
export function fromLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
