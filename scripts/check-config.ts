// Run by scripts/start.js before it builds: the validation `ai-wijzer serve` does first (src/config.ts), so a wrong
// variable is told in a second instead of after a build. Exit 2 with the same message as the CLI, else 0.
import { ConfigError, loadConfig } from '../src/config.js';

try {
  loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
