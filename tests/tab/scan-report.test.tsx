import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api.js';
import { ScanReport } from '../../src/tab/views/ScanReport.js';
import { findingsCsv } from '../../src/tab/views/scan-export.js';
import { fakeScanApi, renderInFluent, reportView } from './scan-fixtures.js';

const findingPaths = () =>
  within(screen.getByTestId('report-findings'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[2]!.textContent);

describe('Datahygiëne: a report', () => {
  it('shows the label and score, sub-scores, the trend, findings per rule, folders worst first and advice', async () => {
    const api = fakeScanApi();
    renderInFluent(<ScanReport api={api} lang="nl" scanId="scan-42" />);
    const title = await screen.findByRole('heading', { level: 2, name: 'Rapport: Team Wijkzaken' });
    expect(api.report).toHaveBeenCalledWith('scan-42');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.getByTestId('report-label').textContent).toBe('Label C, score 71 van 100');
    expect(screen.getByTestId('report-subscores').textContent).toContain('Toegang en privacy: 65');
    const trend = screen.getByTestId('report-trend');
    expect(trend.textContent).toContain('score 65, label D. 6 punten beter.');
    expect(within(trend).getAllByRole('row')).toHaveLength(2); // only the rule that changed
    const counts = within(screen.getByTestId('rule-counts'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(counts).toEqual(['Lege map2', 'Persoonsgegevens in de naam1', 'Versie in de naam1']);
    expect(await screen.findByTestId('findings-chart')).toBeTruthy();
    const folders = within(screen.getByTestId('report-folders'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByRole('rowheader').textContent);
    expect(folders).toEqual(['/Zaken', '/Beleid']);
    const advice = screen.getByTestId('report-advice');
    expect(
      within(advice)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Urgent', 'Binnen een jaar', 'Wenselijk']);
  });

  it('filters the findings by severity and rule, searches them and sorts them', async () => {
    renderInFluent(<ScanReport api={fakeScanApi()} lang="nl" scanId="scan-42" />);
    await screen.findByTestId('report-findings');
    // By severity first: high, medium, then low by path.
    expect(findingPaths()).toEqual([
      '/Zaken/=BSN 1234',
      '/Beleid/nota; definitief "v2".docx',
      '/Archief/Leeg',
      '/Beleid/Oud',
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sorteren op' }), 'path');
    expect(findingPaths()).toEqual([
      '/Archief/Leeg',
      '/Beleid/nota; definitief "v2".docx',
      '/Beleid/Oud',
      '/Zaken/=BSN 1234',
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ernst' }), 'low');
    expect(findingPaths()).toEqual(['/Archief/Leeg', '/Beleid/Oud']);
    expect(screen.getByTestId('findings-shown').textContent).toBe('2 van 4 bevindingen getoond');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ernst' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Regel' }), 'version-in-name');
    expect(findingPaths()).toEqual(['/Beleid/nota; definitief "v2".docx']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Regel' }), '');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in pad en toelichting' }), 'bsn');
    expect(findingPaths()).toEqual(['/Zaken/=BSN 1234']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Zoeken in pad en toelichting' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in pad en toelichting' }), 'niets hier');
    expect(screen.getByText('Geen bevindingen die hierbij passen.')).toBeTruthy();
  });

  it('exports the findings as CSV for Dutch Excel: a BOM, semicolons, quotes where needed, no formulas', async () => {
    const csv = findingsCsv(reportView.report.findings, 'nl');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('regel;bevinding;ernst;termijn;pad;toelichting;advies');
    expect(lines[2]).toBe(
      'personal-data-in-name;Persoonsgegevens in de naam;hoog;Urgent;/Zaken/=BSN 1234;De naam bevat een BSN (***).;' +
        '"Haal het BSN uit de naam; zet het stuk in het zaaksysteem."',
    );
    expect(lines[3]).toContain(';"/Beleid/nota; definitief ""v2"".docx";');
    expect(findingsCsv([{ ...reportView.report.findings[0]!, path: '=HYPERLINK("x")' }], 'en').split('\r\n')[1]).toBe(
      `empty-folder;Empty folder;low;Desirable;"'=HYPERLINK(""x"")";Deze map is leeg.;Verwijder de map.`,
    );
  });

  it('downloads the CSV of the findings shown, from the button', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => {
        blobs.push(b);
        return 'blob:x';
      }),
      revokeObjectURL: jest.fn(),
    });
    renderInFluent(<ScanReport api={fakeScanApi()} lang="nl" scanId="scan-42" />);
    await screen.findByTestId('report-findings');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ernst' }), 'low');
    await userEvent.click(screen.getByRole('button', { name: 'Exporteren naar CSV' }));
    expect(blobs).toHaveLength(1);
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader(); // jsdom's Blob has no arrayBuffer()
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blobs[0]!);
      }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The header and the two low findings, each ended by CRLF.
    expect(bytes.filter((b) => b === 0x0a)).toHaveLength(3);
    expect([...bytes.slice(-2)]).toEqual([0x0d, 0x0a]);
  });

  it('says in plain words when the report cannot be loaded, with a retry', async () => {
    const api = fakeScanApi();
    api.report.mockRejectedValueOnce(new ApiError('Dit rapport bestaat niet.', 404, 'not_found'));
    renderInFluent(<ScanReport api={api} lang="nl" scanId="nope" />);
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('Dit rapport bestaat niet.');
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('heading', { level: 2, name: 'Rapport: Team Wijkzaken' });
  });

  it('says so when there is no earlier scan to compare with, in English too', async () => {
    const api = fakeScanApi();
    api.report.mockResolvedValue({ ...reportView, report: { ...reportView.report, trend: undefined } });
    renderInFluent(<ScanReport api={api} lang="en" scanId="scan-42" />);
    expect((await screen.findByTestId('report-trend')).textContent).toContain(
      'There is no earlier scan of this source to compare with.',
    );
    expect(screen.getByTestId('report-label').textContent).toBe('Label C, score 71 out of 100');
  });
});
