import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config.js';
import { errorBody, langOf } from './errors.js';

const minute = 60_000;

function tooMany(req: Request): ReturnType<typeof errorBody> {
  return errorBody(
    req,
    'rate_limited',
    langOf(req) === 'en'
      ? 'Too many requests. Nothing was changed; wait a minute and try again.'
      : 'Te veel verzoeken. Er is niets gewijzigd; wacht een minuut en probeer het opnieuw.',
  );
}

/**
 * Per address, before anyone is identified (so that a flood without a token is limited too): RATE_LIMIT_PER_IP
 * requests a minute. The address is req.ip: behind the one proxy the app trusts, the client's, else the peer's.
 */
export function limitPerAddress(config: Config): RequestHandler {
  return rateLimit({
    windowMs: minute,
    limit: config.RATE_LIMIT_PER_IP,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => res.status(429).json(tooMany(req)),
  });
}

/** Per person, once identified (the pseudonym, never a name): RATE_LIMIT_PER_USER requests a minute. */
export function limitPerUser(config: Config): RequestHandler {
  return rateLimit({
    windowMs: minute,
    limit: config.RATE_LIMIT_PER_USER,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only after identifyCaller, which always sets a caller or refuses the request.
    keyGenerator: (req) => req.caller?.pseudonym ?? 'unidentified',
    handler: (req, res) => res.status(429).json(tooMany(req)),
  });
}
