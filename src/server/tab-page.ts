import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { contentSecurityPolicy } from './security.js';

const placeholder = /__CSP_NONCE__/g;

/**
 * The tab's page, with a fresh nonce in its CSP for every answer: its own style element and the style elements
 * Fluent UI adds at run time carry that nonce, so `style-src` needs no 'unsafe-inline'. Never cached, since each copy
 * has its own nonce. When the tab is not built, the next handler says so.
 */
export function tabPage(config: Config, tabDir: string): RequestHandler {
  return (_req, res, next) => {
    // Read for each answer (a small file): a rebuilt tab is served at once.
    readFile(join(tabDir, 'index.html'), 'utf8').then(
      (page) => {
        const nonce = randomBytes(16).toString('base64url');
        res.setHeader('Content-Security-Policy', contentSecurityPolicy(config, nonce));
        res.setHeader('Cache-Control', 'no-store');
        res.type('html').send(page.replace(placeholder, nonce));
      },
      () => next(),
    );
  };
}
