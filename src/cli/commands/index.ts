import type { Command } from '../command.js';
import { askCommand } from './ask.js';
import { auditCommand } from './audit.js';
import { checkCommand } from './check.js';
import { feedbackCommand } from './feedback.js';
import { packageCommand } from './package.js';
import { privacyCommand } from './privacy.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';

/** Every CLI command, in the order --help lists them; each capability adds its own line. */
export const commands: Command[] = [
  serveCommand,
  packageCommand,
  askCommand,
  feedbackCommand,
  checkCommand,
  auditCommand,
  privacyCommand,
  scanCommand,
];
