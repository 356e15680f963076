import { once } from 'node:events';
import { Router, type Response } from 'express';
import { auditExportMediaType } from '../../api/admin.js';
import { errorForLog } from '../../log.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/**
 * Beheer under /api/admin/ (admins only: `app.admin` checks the role first, so a staff member gets 403 and nothing is
 * read or changed): the tool register (list, put, remove, history), the versions, figures without names, and the
 * audit record (verify, export as CSV).
 */
export function adminRoutes({ app, logger }: AppContext): Router {
  const router = Router();
  const { admin } = app;
  router.get('/admin/tools', async (req, res) => {
    res.json(await admin.tools.list(callerOf(req)));
  });
  router.get('/admin/tools/history', async (req, res) => {
    res.json(await admin.tools.history(callerOf(req), req.query, langOf(req)));
  });
  router.put('/admin/tools/:id', async (req, res) => {
    const result = await admin.tools.put(callerOf(req), req.params.id, req.body, langOf(req));
    res.status(result.action === 'added' ? 201 : 200).json(result);
  });
  router.delete('/admin/tools/:id', async (req, res) => {
    res.json(await admin.tools.remove(callerOf(req), req.params.id, langOf(req)));
  });
  router.get('/admin/versions', async (req, res) => {
    res.json(await admin.versions(callerOf(req)));
  });
  router.get('/admin/figures', async (req, res) => {
    res.json(await admin.figures(callerOf(req), req.query, langOf(req)));
  });
  router.get('/admin/audit/verify', async (req, res) => {
    res.json(await admin.audit.verify(callerOf(req), langOf(req)));
  });
  router.get('/admin/audit/export', async (req, res) => {
    // The role is checked here, before anything is sent: a refusal is still a JSON error with its status.
    const lines = admin.audit.exportCsv(callerOf(req));
    const day = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .type(auditExportMediaType)
      .setHeader('Content-Disposition', `attachment; filename="ai-wijzer-checks-${day}.csv"`)
      .setHeader('Cache-Control', 'no-store');
    try {
      for await (const line of lines) {
        if (res.destroyed) return;
        if (!res.write(line)) await drained(res);
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) throw error;
      // Half a file must not look like a whole one: the connection is broken off instead of ended.
      logger.error({ correlationId: req.correlationId, err: errorForLog(error) }, 'audit export broken off');
      res.destroy();
    }
  });
  return router;
}

function drained(res: Response): Promise<unknown> {
  return Promise.race([once(res, 'drain'), once(res, 'close')]);
}
