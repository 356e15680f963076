import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.js';
import { errorBody, langOf } from './errors.js';

/**
 * Strict CORS: the API answers its own pages only. The tab calls it from its own origin, the Bot Connector and the
 * CLI send no Origin at all; so no answer carries `Access-Control-Allow-*`, and a request that a browser marks as
 * coming from another site (an `Origin` that is neither this host nor PUBLIC_URL, `Origin: null`, or
 * `Sec-Fetch-Site: cross-site`) is refused before it is read, preflights included.
 */
export function sameOriginOnly(config: Pick<Config, 'PUBLIC_URL'>): RequestHandler {
  const published = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined;
  return (req, res, next) => {
    if (!fromOtherSite(req, published)) return next();
    const lang = langOf(req);
    res
      .status(403)
      .json(
        errorBody(
          req,
          'cross_origin',
          lang === 'en'
            ? 'This request comes from another website and is refused. Nothing was changed.'
            : 'Dit verzoek komt van een andere website en wordt geweigerd. Er is niets gewijzigd.',
        ),
      );
  };
}

function fromOtherSite(req: Request, published: string | undefined): boolean {
  if (req.get('sec-fetch-site') === 'cross-site') return true;
  const origin = req.get('origin');
  if (origin === undefined) return false;
  if (origin === published) return false;
  // The origin this request was addressed to (behind one proxy: its X-Forwarded-Proto and -Host).
  return origin !== `${req.protocol}://${req.host}`;
}
