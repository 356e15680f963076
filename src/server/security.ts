import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { browserAuthority } from './routes/auth-config.js';

/**
 * The hosts that may frame the tab: exactly the list Microsoft's tab requirements give (Teams, the Microsoft 365
 * app, Outlook and their new *.cloud.microsoft domain), and nothing else.
 */
export const frameAncestors = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/**
 * The CSP of every answer; the tab's page adds its nonce for style elements (no 'unsafe-inline'). `connect-src`: the app itself, the teams-js CDN and, with Entra ID configured, the
 * authority's origin only (msal in the tab reads its OpenID metadata and redeems the sign-in code there outside
 * Teams; the sign-in page itself is a top-level navigation, which the CSP does not govern).
 */
export function contentSecurityPolicy(config: Config, styleNonce?: string): string {
  const authority = browserAuthority(config)?.origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) adds style elements at run time: on the tab's page they carry its nonce (tab-page.ts).
    `style-src 'self'${styleNonce ? ` 'nonce-${styleNonce}'` : ''}`,
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
