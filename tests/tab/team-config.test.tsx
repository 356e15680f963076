import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { teamTexts } from '../../src/tab/texts/team.js';
import type { ChannelTabConfig } from '../../src/tab/teams.js';
import { hashFor, hashForSubPage, parseRoute } from '../../src/tab/useHashRoute.js';
import { channelTabConfig, TabConfig } from '../../src/tab/views/TabConfig.js';
import { renderInFluent } from './scan-fixtures.js';

describe('the channel tab: its routes and its configuration page', () => {
  it('knows #team and #config, and nothing that merely starts like them', () => {
    expect(parseRoute('#team')).toEqual({ view: 'team' });
    expect(parseRoute('#config')).toEqual({ view: 'config' });
    expect(hashFor({ view: 'team' })).toBe('#team');
    expect(hashFor({ view: 'config' })).toBe('#config');
    expect(hashForSubPage('team')).toBe('#team');
    for (const other of ['#teams', '#team/1', '#config?x=1', '#Team'])
      expect(parseRoute(other)).toEqual({ view: 'not-found' });
  });

  it('saves a configuration that opens #team where the tab is served, named AI-wijzer Datahygiëne', () => {
    expect(channelTabConfig({ origin: 'https://ai-wijzer.groningen.nl', pathname: '/tab/' })).toEqual({
      entityId: 'ai-wijzer-team',
      contentUrl: 'https://ai-wijzer.groningen.nl/tab/#team',
      websiteUrl: 'https://ai-wijzer.groningen.nl/tab/#team',
      suggestedDisplayName: 'AI-wijzer Datahygiëne',
    });
  });

  it('in Teams: says what the tab shows, offers the configuration once, and says when Teams saved it', async () => {
    let saved: ((ok: boolean) => void) | undefined;
    const offer = jest.fn((_config: ChannelTabConfig, onSaved: (ok: boolean) => void) => {
      saved = onSaved;
      return true;
    });
    renderInFluent(<TabConfig lang="nl" inTeams offer={offer} />);
    expect(screen.getByRole('heading', { level: 2, name: 'AI-wijzer Datahygiëne in dit kanaal' })).toBeTruthy();
    expect(screen.getByText(teamTexts.nl.configText)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('config-status').textContent).toBe(teamTexts.nl.configSave));
    expect(offer).toHaveBeenCalledTimes(1);
    expect(offer.mock.calls[0]![0]).toEqual(channelTabConfig(window.location));
    act(() => saved!(true));
    expect(screen.getByTestId('config-status').textContent).toBe('Het tabblad is opgeslagen.');
  });

  it('outside Teams (or where Teams refuses) offers nothing and says where the page belongs, in English too', async () => {
    const offer = jest.fn(() => true);
    renderInFluent(<TabConfig lang="en" inTeams={false} offer={offer} />);
    expect(screen.getByTestId('config-status').textContent).toBe(teamTexts.en.configOutsideTeams);
    expect(offer).not.toHaveBeenCalled();

    const refused = jest.fn(() => false);
    renderInFluent(<TabConfig lang="nl" inTeams offer={refused} />);
    await waitFor(() => expect(refused).toHaveBeenCalled());
    expect(screen.getAllByTestId('config-status').at(-1)!.textContent).toBe(teamTexts.nl.configOutsideTeams);
  });
});
