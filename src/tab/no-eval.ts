import { z } from 'zod';

// zod would probe `new Function` to compile its parsers; the tab's CSP allows no eval, so it parses without (same
// results). Imported first by index.tsx, before any module that builds or uses a schema.
z.config({ jitless: true });
