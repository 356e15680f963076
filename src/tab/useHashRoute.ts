import { useEffect, useState } from 'react';

export type Route = { view: 'home' } | { view: 'visie'; sectionId?: string };

/** Parses the tab's hash routes: '' (start) and '#visie' or '#visie/<section>' (the vision, at a section). */
export function parseRoute(hash: string): Route {
  const match = /^#visie(?:\/([a-z0-9-]+))?$/.exec(hash);
  if (!match) return { view: 'home' };
  return match[1] ? { view: 'visie', sectionId: match[1] } : { view: 'visie' };
}

/**
 * The hash a Teams deep link asks for: its `subEntityId` is a route of the tab without the '#' ('visie' or
 * 'visie/<section>', as the bot's links write it). Anything else (another app's id, a typo) is no route: undefined.
 */
export function hashForSubPage(subPage: string | undefined): string | undefined {
  if (!subPage) return undefined;
  const hash = `#${subPage}`;
  return parseRoute(hash).view === 'visie' ? hash : undefined;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
