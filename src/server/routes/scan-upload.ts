import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { scanUploadMediaType } from '../../api/scans.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';
import { AppError } from '../../app/index.js';

const disabled = new AppError('unavailable', 'upload_disabled', {
  nl: 'Scans uploaden staat uit: de beheerder heeft geen upload-token (SCAN_UPLOAD_TOKEN) ingesteld.',
  en: 'Uploading scans is switched off: the administrator has not set an upload token (SCAN_UPLOAD_TOKEN).',
});
const badToken = new AppError('unauthenticated', 'invalid_upload_token', {
  nl: 'Het upload-token ontbreekt of klopt niet.',
  en: 'The upload token is missing or wrong.',
});

/** Compares in constant time: both sides hashed first, so neither content nor length leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * POST /api/scans/upload: an on-premises agent (`ai-wijzer scan --path <dir> --upload <url>`) sends the
 * report of a network share the cloud app cannot reach. The token is checked before the body is read;
 * the report is validated, masked once more and stored with the trend against the previous upload of
 * the same source. Agents send their own media type (gzip allowed), which may be larger than 256 kB.
 */
export function scanUploadRoutes(ctx: AppContext): Router {
  const router = Router();
  const checkToken = (req: Request, _res: Response, next: NextFunction) => {
    const expected = ctx.config.SCAN_UPLOAD_TOKEN;
    if (!expected) throw disabled;
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameToken(given, expected)) throw badToken;
    next();
  };
  // After the token: plain JSON within the API's usual limit, or the agents' own media type (gzip allowed) up to 64 MB.
  const body = [express.json({ limit: '256kb' }), express.json({ type: scanUploadMediaType, limit: '64mb' })];
  router.post('/scans/upload', checkToken, ...body, async (req, res) => {
    res.status(201).json(await ctx.app.scans.upload(req.body, langOf(req)));
  });
  return router;
}
