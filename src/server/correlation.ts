import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const safeId = /^[A-Za-z0-9._-]{8,64}$/;

declare module 'express-serve-static-core' {
  interface Request {
    correlationId: string;
  }
}

/** Every request gets an id (the caller's, if it sent a safe one) that is echoed and logged with errors. */
export function correlationId(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-correlation-id');
  req.correlationId = given && safeId.test(given) ? given : randomUUID();
  res.setHeader('X-Correlation-Id', req.correlationId);
  next();
}
