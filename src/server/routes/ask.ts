import { Router } from 'express';
import {
  askChoiceSchema,
  askFeedbackSchema,
  askRequestSchema,
  type AskFeedbackResponse,
  type AskResponse,
} from '../../api/ask.js';
import { parseInput } from '../../validation.js';
import { visionFeedbackStore } from '../../store/repositories/vision.js';
import {
  ask,
  chosenRecord,
  feedbackRecord,
  generativeFromConfig,
  semanticFromConfig,
  semanticIndex,
  sharedVision,
  unansweredRecord,
} from '../../vision/index.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';
import { invalidInput } from '../http-error.js';

/** POST /api/ask, POST /api/ask/feedback and POST /api/ask/choice: "Vraag het de visie" for the tab (the bot calls the same domain function). */
export function askRoutes(ctx: AppContext): Router {
  const router = Router();
  // Loaded at start-up: a broken content file stops the server with the file and the line.
  const vision = sharedVision();
  for (const w of vision.warnings) ctx.logger.warn({ file: w.file, line: w.line }, `visie-inhoud: ${w.problem}`);
  const feedback = visionFeedbackStore(ctx.store);
  const generative = generativeFromConfig(ctx.config);
  // The sections are embedded in the background; until then (and whenever the endpoint fails) the words alone rank.
  const semantic = semanticFromConfig(ctx.config);
  if (semantic) {
    void semanticIndex(vision, semantic)
      .prepare()
      .then((r) =>
        r.ok
          ? ctx.logger.info({ texts: r.texts }, 'semantic mode ready')
          : ctx.logger.warn({ reason: r.reason }, 'semantic mode not ready; tried again at a later question'),
      );
  }
  const onSemanticFallback = (reason: string) => ctx.logger.debug({ reason }, 'semantic mode left out for a question');
  const storeText = ctx.config.ASK_STORE_QUESTION_TEXT;

  router.post('/ask', async (req, res) => {
    const input = parseInput(askRequestSchema, req.body, langOf(req));
    if (!input.ok) throw invalidInput(input.problems);
    const result: AskResponse = await ask(vision, input.data.question, {
      contact: ctx.config.PRIVACY_CONTACT,
      ...(input.data.lang ? { lang: input.data.lang } : {}),
      ...(generative ? { generative } : {}),
      ...(semantic ? { semantic, onSemanticFallback } : {}),
    });
    const unanswered = unansweredRecord(result, storeText);
    if (unanswered) await feedback.record(unanswered);
    res.json(result);
  });

  router.post('/ask/feedback', async (req, res) => {
    const input = parseInput(askFeedbackSchema, req.body, langOf(req));
    if (!input.ok) throw invalidInput(input.problems);
    const record = feedbackRecord(input.data, storeText, vision.version);
    await feedback.record(record);
    const body: AskFeedbackResponse = { stored: true, questionStored: record.question !== undefined };
    res.status(201).json(body);
  });
  const sectionIds = new Set(vision.languages.nl.document.sections.map((s) => s.id));
  router.post('/ask/choice', async (req, res) => {
    const input = parseInput(askChoiceSchema, req.body, langOf(req));
    if (!input.ok) throw invalidInput(input.problems);
    if (!sectionIds.has(input.data.sectionId)) {
      throw invalidInput([
        {
          field: 'sectionId',
          message:
            langOf(req) === 'en' ? 'This section is not in the AI vision.' : 'Dit onderdeel staat niet in de AI-visie.',
        },
      ]);
    }
    const record = chosenRecord(input.data, storeText, vision.version);
    await feedback.record(record);
    const body: AskFeedbackResponse = { stored: true, questionStored: record.question !== undefined };
    res.status(201).json(body);
  });
  return router;
}
