import './no-eval.js';
import { createRoot } from 'react-dom/client';
import { createDOMRenderer, RendererProvider } from '@fluentui/react-components';
import { App } from './App.js';

/**
 * The page's CSP allows style elements with this page's nonce only (src/server/tab-page.ts), so Fluent UI's runtime
 * styles (Griffel) and its theme's style element carry it; outside the server (tests) there is none.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});

createRoot(document.getElementById('root')!).render(
  <RendererProvider renderer={renderer} targetDocument={document}>
    <App />
  </RendererProvider>,
);
