import { Router } from 'express';
import { checkListQuerySchema, checkRequestSchema, type CheckList, type CheckResponse } from '../../api/checks.js';
import { parseInput } from '../../validation.js';
import { loadQuickcheckContent, localisedQuestions, runCheck, type CheckQuestions } from '../../quickcheck/index.js';
import { quickcheckRecordStore } from '../../store/repositories/quickcheck.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';
import { invalidInput } from '../http-error.js';

/** POST /api/checks (evaluate and record), GET /api/checks (the caller's own), GET /api/checks/questions (the form). */
export function checksRoutes(ctx: AppContext): Router {
  const router = Router();
  // Loaded at start-up: a broken rules file or register stops the server with the file, line and field.
  const content = loadQuickcheckContent({ register: ctx.config.TOOL_REGISTER_PATH });
  const records = quickcheckRecordStore(ctx.store);

  router.post('/checks', async (req, res) => {
    const lang = langOf(req);
    const input = parseInput(checkRequestSchema, req.body, lang);
    if (!input.ok) throw invalidInput(input.problems);
    const body: CheckResponse = await runCheck({
      ruleSet: content,
      register: content.register,
      records,
      who: callerOf(req).pseudonym,
      case: input.data,
      lang,
      contact: ctx.config.PRIVACY_CONTACT,
    });
    res.status(201).json(body);
  });

  router.get('/checks', async (req, res) => {
    const query = parseInput(checkListQuerySchema, req.query, langOf(req));
    if (!query.ok) throw invalidInput(query.problems);
    const rows = await records.listFor(callerOf(req).pseudonym, query.data);
    const body: CheckList = {
      checks: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        tool: r.result.tool,
        task: r.case.task,
        purpose: r.case.purpose,
        verdict: r.verdict,
        ruleIds: r.result.reasons.map((reason) => reason.ruleId),
        rulesVersion: r.rulesVersion,
        registerVersion: r.registerVersion,
      })),
    };
    res.json(body);
  });

  router.get('/checks/questions', (req, res) => {
    const body: CheckQuestions = localisedQuestions(content, langOf(req));
    res.json(body);
  });
  return router;
}
