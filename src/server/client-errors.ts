import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '../api/errors.js';

/** Node's own answers to requests it cannot parse carry no body; these answer in the API's error shape instead. */
const answers: Record<string, { status: number; reason: string; code: string; nl: string; en: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    nl: 'Het adres of de kopregels van het verzoek zijn te lang (meer dan 16 kB). Er is niets gewijzigd.',
    en: 'The address or the headers of the request are too long (over 16 kB). Nothing was changed.',
  },
};
const badRequest = {
  status: 400,
  reason: 'Bad Request',
  code: 'bad_request',
  nl: 'Het verzoek is geen geldig HTTP-verzoek. Er is niets gewijzigd.',
  en: 'The request is not a valid HTTP request. Nothing was changed.',
};

/**
 * A request Node refuses before Express sees it (an address or headers over `--max-http-header-size`, broken
 * HTTP) gets a JSON body with a Dutch message and its English translation: its headers, Accept-Language
 * included, were never read.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A connection reset or a socket already answered: nothing to say.
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const answer = answers[error.code ?? ''] ?? badRequest;
    const reply: ApiErrorBody = {
      error: { code: answer.code, message: `${answer.nl} / ${answer.en}`, correlationId: randomUUID() },
    };
    const body = JSON.stringify(reply);
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
