import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { preferredLang } from '../lang.js';
import type { ApiErrorBody } from '../api/errors.js';
import { errorForLog, type Logger } from '../log.js';
import { AppError, type AppErrorKind } from '../app/index.js';

/** The HTTP status of each kind of error the application layer reports. */
const statusOf: Record<AppErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  unavailable: 503,
};

export function langOf(req: Request) {
  return preferredLang(req.get('accept-language'));
}

/** The API's error body: a code, a message in the caller's language, the correlation id and any field problems. */
export function errorBody(
  req: Request,
  code: string,
  message: string,
  problems?: ApiErrorBody['error']['problems'],
): ApiErrorBody {
  return { error: { code, message, correlationId: req.correlationId, ...(problems ? { problems } : {}) } };
}

export const notFound: RequestHandler = (req, res) => {
  const lang = langOf(req);
  res
    .status(404)
    .json(errorBody(req, 'not_found', lang === 'en' ? 'This address does not exist.' : 'Dit adres bestaat niet.'));
};

/** Turns every error into a JSON body with a correlation id; ours are logged, without request content. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const lang = langOf(req);
    if (err instanceof AppError) {
      const status = statusOf[err.kind];
      res.status(status).json(errorBody(req, err.code, err.messages[lang], err.problems));
      return;
    }
    // body-parser errors carry a status and a type; they are the caller's, not ours.
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (err?.type === 'entity.too.large') {
      res
        .status(413)
        .json(errorBody(req, 'too_large', lang === 'en' ? 'The request is too large.' : 'Het verzoek is te groot.'));
      return;
    }
    if (err?.type === 'entity.parse.failed') {
      res
        .status(400)
        .json(
          errorBody(
            req,
            'invalid_json',
            lang === 'en' ? 'The request is not valid JSON.' : 'Het verzoek is geen geldige JSON.',
          ),
        );
      return;
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json(
          errorBody(req, 'bad_request', lang === 'en' ? 'The request is not valid.' : 'Het verzoek is niet geldig.'),
        );
      return;
    }
    logger.error(
      {
        correlationId: req.correlationId,
        err: errorForLog(err),
        method: req.method,
        route: req.route?.path ?? req.baseUrl,
      },
      'request failed',
    );
    res
      .status(500)
      .json(
        errorBody(
          req,
          'internal',
          lang === 'en'
            ? `Something went wrong on our side. Quote this code when you report it: ${req.correlationId}`
            : `Er ging bij ons iets mis. Noem deze code als je het meldt: ${req.correlationId}`,
        ),
      );
  };
}
