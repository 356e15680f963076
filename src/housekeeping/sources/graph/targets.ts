import type { z } from 'zod';
import type { GraphHttp } from './http.js';
import { channelsSchema, driveItemSchema, driveSchema, drivesSchema, siteSchema } from './schemas.js';

export type GraphTarget = { drive: string } | { site: string } | { team: string };

/** One delta stream: a whole drive, or a folder in a drive (a channel folder outside the team's libraries). */
export interface Unit {
  driveId: string;
  scopeItemId?: string;
  /** Where its items go under the scanned root: '' for a single drive, else its library or channel name. */
  prefix: string;
  label: string;
}

/**
 * The drives behind a target. A drive by id: checked with one request. A site: all its libraries.
 * A team: the group drive, the other libraries of its site, and channel folders that live elsewhere
 * (private and shared channels have sites of their own).
 */
export async function resolveTarget(http: GraphHttp, target: GraphTarget): Promise<Unit[]> {
  if ('drive' in target) {
    // One request, so that a wrong id is named before the scan rather than ending as an unreadable drive.
    const drive = await http.get(`/drives/${enc(target.drive)}?$select=id,name`, driveSchema);
    return [{ driveId: drive.id, prefix: '', label: `drive ${target.drive}` }];
  }
  const drives: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  const addDrive = (d: { id: string; name: string }) => {
    if (!seen.has(d.id)) {
      seen.add(d.id);
      drives.push(d);
    }
  };
  const folders: { driveId: string; itemId: string; name: string }[] = [];
  if ('site' in target) {
    for (const d of await allDrives(http, `/sites/${enc(target.site)}/drives`)) addDrive(d);
  } else {
    const team = enc(target.team);
    addDrive(await http.get(`/groups/${team}/drive`, driveSchema));
    const site = await http.get(`/groups/${team}/sites/root`, siteSchema);
    for (const d of await allDrives(http, `/sites/${enc(site.id)}/drives`)) addDrive(d);
    for (let link: string | undefined = `/teams/${team}/channels`; link;) {
      const page: z.output<typeof channelsSchema> = await http.get(link, channelsSchema);
      for (const c of page.value) {
        const folder = await http.get(`/teams/${team}/channels/${enc(c.id)}/filesFolder`, driveItemSchema);
        const driveId = folder.parentReference?.driveId;
        if (driveId && !seen.has(driveId)) folders.push({ driveId, itemId: folder.id, name: c.displayName });
      }
      link = page['@odata.nextLink'];
    }
  }
  const units: Unit[] = [];
  const names = new Set<string>();
  const unique = (name: string) => {
    let candidate = name.replace(/[/\\]/g, '-') || 'Bibliotheek';
    for (let n = 2; names.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    names.add(candidate.toLowerCase());
    return candidate;
  };
  for (const d of drives) units.push({ driveId: d.id, prefix: unique(d.name), label: d.name });
  for (const f of folders)
    units.push({ driveId: f.driveId, scopeItemId: f.itemId, prefix: unique(f.name), label: f.name });
  if (units.length === 1) units[0]!.prefix = '';
  return units;
}

async function allDrives(http: GraphHttp, first: string): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (let link: string | undefined = first; link;) {
    const page: z.output<typeof drivesSchema> = await http.get(link, drivesSchema);
    out.push(...page.value);
    link = page['@odata.nextLink'];
  }
  return out;
}

// Site ids hold commas (host,site,web) that Graph expects as they are.
const enc = (id: string) => encodeURIComponent(id).replace(/%2C/gi, ',');
