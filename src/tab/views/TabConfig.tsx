import { useEffect, useState } from 'react';
import { Body1 } from '@fluentui/react-components';
import type { Lang } from '../../lang.js';
import type { ChannelTabConfig } from '../teams.js';
import { channelTabName, teamTexts } from '../texts/team.js';
import { useScanStyles } from './scan-styles.js';

/** The channel tab's configuration: it opens the tab's own `#team` page, where the page itself is served. */
export function channelTabConfig(location: Pick<Location, 'origin' | 'pathname'>): ChannelTabConfig {
  const url = `${location.origin}${location.pathname}#team`;
  return { entityId: 'ai-wijzer-team', contentUrl: url, websiteUrl: url, suggestedDisplayName: channelTabName };
}

/**
 * #config: what Teams shows when someone adds AI-wijzer to a channel (the manifest's `configurableTabs`
 * configurationUrl, frame context 'settings'). One sentence of what the tab shows; Teams' own Save button is enabled
 * at once (there is nothing to choose) and saves `channelTabConfig`. Outside Teams it says where the page belongs.
 */
export function TabConfig({
  lang,
  inTeams,
  offer,
}: {
  lang: Lang;
  inTeams: boolean;
  /** teams.ts `offerTabConfig`: registers the save handler and enables Save; false when Teams did not take it. */
  offer: (config: ChannelTabConfig, onSaved: (ok: boolean) => void) => boolean;
}) {
  const styles = useScanStyles();
  const t = teamTexts[lang];
  const [offered, setOffered] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!inTeams) return;
    setOffered(offer(channelTabConfig(window.location), setSaved));
  }, [inTeams, offer]);

  return (
    <section aria-labelledby="config-title" className={styles.page} data-testid="tab-config">
      <h2 id="config-title" className={styles.h2}>
        {t.configTitle}
      </h2>
      <Body1 as="p">{t.configText}</Body1>
      <Body1 as="p" role="status" data-testid="config-status">
        {!inTeams || !offered ? t.configOutsideTeams : saved ? t.configSaved : t.configSave}
      </Body1>
    </section>
  );
}
