import express, { type Express } from 'express';
import { tabDistDir } from '../paths.js';
import type { AppContext } from './context.js';
import { identifyCaller, unauthenticated } from './auth.js';
import { fromLoopback } from './loopback.js';
import { correlationId } from './correlation.js';
import { activityEnvelopeSchema } from '../api/messages.js';
import { invalidInput } from '../app/index.js';
import { parseInput } from '../validation.js';
import { errorHandler, langOf, notFound } from './errors.js';
import { agentRoutes, apiRoutes } from './routes/index.js';
import { healthRoutes } from './routes/health.js';
import { limitPerAddress, limitPerUser } from './rate-limit.js';
import { securityHeaders } from './security.js';
import { sameOriginOnly } from './same-origin.js';
import { tabPage } from './tab-page.js';

export interface AppOptions {
  /** The built tab (webpack output); defaults to dist/tab. */
  tabDir?: string;
  bodyLimit?: string;
}

/** Builds the HTTP app without listening, so tests can drive it on an ephemeral port. */
export function createApp(ctx: AppContext, options: AppOptions = {}): Express {
  const app = express();
  const tabDir = options.tabDir ?? tabDistDir;
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(correlationId);
  app.use(securityHeaders(ctx.config));
  app.use(healthRoutes(ctx));

  const json = express.json({ limit: options.bodyLimit ?? '256kb' });
  app.use('/api', sameOriginOnly(ctx.config), limitPerAddress(ctx.config));
  app.post('/api/messages', json, async (req, res, next) => {
    // Without a bot registration the bot checks no token: then it is for this machine only (local development).
    if (ctx.bot.anonymous && !fromLoopback(req)) return next(unauthenticated);
    const envelope = parseInput(activityEnvelopeSchema, req.body, langOf(req));
    if (!envelope.ok) return next(invalidInput(envelope.problems));
    try {
      await ctx.bot.handle(req, res);
    } catch (error) {
      next(error);
    }
  });
  app.use('/api', agentRoutes(ctx));
  app.use('/api', json, identifyCaller(ctx.config), limitPerUser(ctx.config), apiRoutes(ctx));
  app.use('/api', notFound);

  app.get('/', (_req, res) => res.redirect('/tab/'));
  const page = tabPage(ctx.config, tabDir);
  app.get(['/tab', '/tab/', '/tab/index.html'], page);
  app.use('/tab', express.static(tabDir, { index: false, maxAge: '1h' }));
  app.get(['/tab', '/tab/'], (req, res) => {
    const lang = langOf(req);
    res
      .status(503)
      .type('text/plain; charset=utf-8')
      .send(
        lang === 'en'
          ? 'The tab has not been built yet: run npm run build:tab.'
          : 'Het tabblad is nog niet gebouwd: voer npm run build:tab uit.',
      );
  });
  app.use(notFound);
  app.use(errorHandler(ctx.logger));
  return app;
}
