import { Router } from 'express';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/**
 * POST /api/ask (through the front door: a vision answer, or the check, the scan or help to start),
 * POST /api/ask/feedback and POST /api/ask/choice. The bot and the CLI ask the same front door.
 */
export function askRoutes({ app }: AppContext): Router {
  const router = Router();
  router.post('/ask', async (req, res) => {
    res.json(await app.frontDoor.ask(req.body, langOf(req)));
  });
  router.post('/ask/feedback', async (req, res) => {
    res.status(201).json(await app.feedback.rate(req.body, langOf(req)));
  });
  router.post('/ask/choice', async (req, res) => {
    res.status(201).json(await app.feedback.choose(req.body, langOf(req)));
  });
  return router;
}
