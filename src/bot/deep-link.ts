/** Where the bot's links into the vision lead: the personal tab in Teams, or the tab's page in a browser. */
export interface LinkTargets {
  /** The Teams app's id (`TEAMS_APP_ID`); without it the links go to the tab's page in a browser. */
  teamsAppId?: string;
  /** The app's public address (`PUBLIC_URL`); without it (local development) the browser link is relative. */
  publicUrl?: string;
}

/** The static tab's `entityId` in manifest/manifest.json (a spec keeps the two the same). */
export const tabEntityId = 'ai-wijzer';

/**
 * A link that opens the tab at one of its routes (`visie/<section>`, `scan/<id>`, ...: the tab's own hash routes).
 * With the Teams app's id it is a Teams deep link into the personal tab, whose `subEntityId` the tab reads on start
 * and opens there; without it (local development, the Agents Playground) the tab's page `PUBLIC_URL/tab/#<route>`.
 */
export function tabLink(targets: LinkTargets, route: string): string {
  if (targets.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: route }));
    return `https://teams.microsoft.com/l/entity/${targets.teamsAppId}/${tabEntityId}?context=${context}`;
  }
  const path = `/tab/#${route}`;
  return targets.publicUrl ? new URL(path, targets.publicUrl).toString() : path;
}

/** A link that opens the vision, at a section when one is given. */
export function visionLink(targets: LinkTargets, sectionId?: string): string {
  return tabLink(targets, sectionId ? `visie/${sectionId}` : 'visie');
}
