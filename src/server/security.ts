import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { browserAuthority } from './routes/auth-config.js';

/** The hosts that may frame the tab: Teams, Outlook and the Microsoft 365 app, and nothing else. */
export const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

/**
 * The CSP of every answer. `connect-src`: the app itself, the teams-js CDN and, with Entra ID configured, the
 * authority's origin only (msal in the tab reads its OpenID metadata and redeems the sign-in code there outside
 * Teams; the sign-in page itself is a top-level navigation, which the CSP does not govern).
 */
export function contentSecurityPolicy(config: Config): string {
  const authority = browserAuthority(config)?.origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // teams-js fetches its list of valid host origins from this CDN when it loads.
    `connect-src 'self' https://res.cdn.office.net${authority ? ` ${authority}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

export function securityHeaders(config: Config) {
  const csp = contentSecurityPolicy(config);
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    // No X-Frame-Options: it cannot list several hosts, and frame-ancestors supersedes it.
    next();
  };
}
