import { Router } from 'express';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/**
 * POST /api/checks (evaluate and record), GET /api/checks (the caller's own), GET /api/checks/questions (the form),
 * GET /api/checks/:seq (one of the caller's own), POST /api/checks/:seq/reassess (that case with the rules of now).
 */
export function checksRoutes({ app }: AppContext): Router {
  const router = Router();
  router.post('/checks', async (req, res) => {
    // A retry with the same Idempotency-Key is answered with the first record (201 again: it is recorded, once).
    res
      .status(201)
      .json(await app.checks.run(callerOf(req), req.body, langOf(req), { requestKey: req.get('idempotency-key') }));
  });
  router.get('/checks', async (req, res) => {
    res.json(await app.checks.list(callerOf(req), req.query, langOf(req)));
  });
  router.get('/checks/questions', async (req, res) => {
    // The form lists the register's tools as kept now (a tool an admin just added is there).
    await app.checks.current();
    res.json(app.checks.questions(langOf(req)));
  });
  // After /checks/questions, which is no record number.
  router.get('/checks/:seq', async (req, res) => {
    res.json(await app.checks.get(callerOf(req), req.params, langOf(req)));
  });
  router.post('/checks/:seq/reassess', async (req, res) => {
    res.status(201).json(await app.checks.reassess(callerOf(req), req.params, langOf(req)));
  });
  return router;
}
