import { Router } from 'express';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/** GET /api/vision[?lang=en]: the vision to read in the tab, where answers link to (#visie/<section>). */
export function visionRoutes({ app }: AppContext): Router {
  const router = Router();
  router.get('/vision', (req, res) => {
    const body = app.ask.document(req.query, langOf(req));
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.json(body);
  });
  return router;
}
