import { Router } from 'express';
import type { VisionDocumentView } from '../../api/vision.js';
import { visionQuerySchema } from '../../api/vision.js';
import { parseInput } from '../../validation.js';
import { sharedVision } from '../../vision/index.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';
import { invalidInput } from '../http-error.js';

/** GET /api/vision[?lang=en]: the vision to read in the tab, where answers link to (#visie/<section>). */
export function visionRoutes(_ctx: AppContext): Router {
  const router = Router();
  const vision = sharedVision();
  router.get('/vision', (req, res) => {
    const input = parseInput(visionQuerySchema, req.query, langOf(req));
    if (!input.ok) throw invalidInput(input.problems);
    const { document } = vision.languages[input.data.lang ?? langOf(req)];
    const body: VisionDocumentView = {
      title: document.meta.title,
      language: document.meta.language,
      version: document.meta.version,
      date: document.meta.date,
      sections: document.sections.map(({ id, heading, level, path, body: text }) => ({
        id,
        heading,
        level,
        path,
        body: text,
      })),
    };
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.json(body);
  });
  return router;
}
