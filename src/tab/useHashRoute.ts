import { useEffect, useState } from 'react';
import { taskValues } from '../api/checks.js';

export type CheckTask = (typeof taskValues)[number];

/** What a route to the check may fill in: a register tool by id, or a tool's name as a sentence named it, and a task. */
export interface CheckPrefill {
  tool?: string;
  toolName?: string;
  task?: CheckTask;
}

export type Route =
  | { view: 'home' }
  | { view: 'vraag' }
  | { view: 'visie'; sectionId?: string }
  | ({ view: 'check' } & CheckPrefill)
  | { view: 'checks'; seq?: number }
  | { view: 'scan'; scanId?: string }
  | { view: 'team' }
  | { view: 'config' }
  | { view: 'beheer' }
  | { view: 'not-found' };

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The prefill of '#check?tool=<id>&name=<name>&task=<task>': each value checked, anything else left out. */
function checkPrefill(query: string | undefined): CheckPrefill {
  const prefill: CheckPrefill = {};
  if (!query) return prefill;
  const params = new URLSearchParams(query);
  const tool = params.get('tool');
  if (tool && tool.length <= 100 && slug.test(tool)) prefill.tool = tool;
  const name = params.get('name')?.trim();
  // eslint-disable-next-line no-control-regex
  if (!prefill.tool && name && name.length <= 200 && !/[\u0000-\u001f\u007f]/.test(name)) prefill.toolName = name;
  const task = params.get('task');
  if (task && (taskValues as readonly string[]).includes(task)) prefill.task = task as CheckTask;
  return prefill;
}

/**
 * Parses the tab's hash routes: '' (start), '#vraag' (the question, the start page too), '#visie[/<section>]' (the
 * vision, at a section), '#check[?tool=&name=&task=]' (the quick check, prefilled), '#checks[/<record>]' (one's own
 * checks, one of them), '#scan[/<report id>]' (Datahygiëne: a scan, one stored report), '#team' (the channel tab: the
 * team's last scan), '#config' (the channel tab's configuration in Teams), '#beheer' (Beheer, for admins). Any other
 * hash is no page of the tab.
 */
export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#') return { view: 'home' };
  if (hash === '#vraag') return { view: 'vraag' };
  const visie = /^#visie(?:\/([a-z0-9-]+))?$/.exec(hash);
  if (visie) return visie[1] ? { view: 'visie', sectionId: visie[1] } : { view: 'visie' };
  const check = /^#check(?:\?(.*))?$/.exec(hash);
  if (check) return { view: 'check', ...checkPrefill(check[1]) };
  const checks = /^#checks(?:\/([1-9][0-9]{0,14}))?$/.exec(hash);
  if (checks) return checks[1] ? { view: 'checks', seq: Number(checks[1]) } : { view: 'checks' };
  const scan = /^#scan(?:\/([A-Za-z0-9_-]{1,100}))?$/.exec(hash);
  if (scan) return scan[1] ? { view: 'scan', scanId: scan[1] } : { view: 'scan' };
  if (hash === '#team') return { view: 'team' };
  if (hash === '#config') return { view: 'config' };
  if (hash === '#beheer') return { view: 'beheer' };
  return { view: 'not-found' };
}

/** The hash of a route, written from its checked parts only. */
export function hashFor(route: Route): string {
  switch (route.view) {
    case 'home':
    case 'not-found':
      return '#';
    case 'vraag':
      return '#vraag';
    case 'visie':
      return route.sectionId ? `#visie/${route.sectionId}` : '#visie';
    case 'check': {
      const params = new URLSearchParams();
      if (route.tool) params.set('tool', route.tool);
      else if (route.toolName) params.set('name', route.toolName);
      if (route.task) params.set('task', route.task);
      const query = params.toString();
      return query ? `#check?${query}` : '#check';
    }
    case 'checks':
      return route.seq ? `#checks/${route.seq}` : '#checks';
    case 'scan':
      return route.scanId ? `#scan/${route.scanId}` : '#scan';
    case 'team':
      return '#team';
    case 'config':
      return '#config';
    case 'beheer':
      return '#beheer';
  }
}

/**
 * The hash a Teams deep link asks for: its `subEntityId` is a route of the tab without the '#' ('visie/<section>',
 * 'check?tool=<id>&task=<task>', 'checks/<record>', 'scan/<report id>', 'beheer', as the bot's links write them). Anything else (another app's id,
 * a typo) is no route: undefined. The hash is written anew from what was checked, never copied.
 */
export function hashForSubPage(subPage: string | undefined): string | undefined {
  if (!subPage) return undefined;
  const route = parseRoute(`#${subPage}`);
  return route.view === 'home' || route.view === 'not-found' ? undefined : hashFor(route);
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
