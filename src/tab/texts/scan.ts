import type { Lang } from '../../lang.js';
import type { ScanReportView } from '../../api/scans.js';

type Report = ScanReportView['report'];
export type Finding = Report['findings'][number];
export type RuleId = Finding['rule'];
export type Severity = Finding['severity'];
export type ScoreCategory = keyof NonNullable<Report['subScores']>;
export type AdviceGroup = keyof NonNullable<Report['advice']>;

/** What the Datahygiëne page says (src/tab/views/ScanPage.tsx, ScanReport.tsx): Dutch and English side by side. */
export const scanTexts = {
  nl: {
    title: 'Datahygiëne',
    intro:
      'Scan een team, site of OneDrive waar je toegang toe hebt. AI-wijzer leest alleen namen en kenmerken van mappen en bestanden, nooit de inhoud, en geeft per map een score en concreet advies.',
    pickTitle: 'Kies wat je wilt scannen',
    search: 'Zoeken naar een team, site of OneDrive',
    searchHint: 'Typ een deel van de naam; sites zoekt AI-wijzer ook in Microsoft 365.',
    loadingTargets: 'De lijst wordt geladen…',
    loadingScans: 'Je eerdere scans worden geladen…',
    noTargets: 'Niets gevonden om te scannen.',
    kinds: { team: 'Teams', site: 'Sites', drive: 'OneDrive en bibliotheken' } as Record<
      'team' | 'site' | 'drive',
      string
    >,
    incomplete: 'Deze lijst is niet compleet:',
    truncated: 'De lijst is ingekort tot de eerste 500. Zoek op naam om de rest te vinden.',
    appViewer: 'Lokale ontwikkeling: de sites die het token van de app ziet.',
    consentTitle: 'Toestemming nodig',
    consentButton: 'Toestemming geven',
    notConfigured: 'Scannen via Microsoft 365 is op deze installatie niet ingesteld. Vraag je beheerder ernaar.',
    start: 'Scan starten',
    starting: 'De scan wordt gestart…',
    chosen: (name: string) => `Gekozen: ${name}`,
    chooseFirst: 'Kies eerst wat je wilt scannen.',
    progressTitle: 'Scan bezig',
    queued: 'De scan staat in de wachtrij…',
    progress: (items: number, requests: number, throttled: number) =>
      `${items} items gelezen, ${requests} verzoeken aan Microsoft 365` +
      (throttled > 0 ? `, ${Math.round(throttled)} seconden gewacht op Microsoft 365` : '') +
      '.',
    failed: 'De scan is mislukt.',
    done: 'De scan is klaar. Het rapport wordt geopend…',
    earlierTitle: 'Eerdere scans',
    earlierEmpty: 'Er zijn nog geen scans.',
    earlierCaption: 'Eerdere scans en rapporten van agents',
    when: 'Datum',
    what: 'Wat',
    origin: 'Bron',
    score: 'Score',
    own: 'Eigen scan',
    agent: 'Agent (netwerkschijf)',
    openReport: (root: string) => `Rapport van ${root}`,
    incompleteScan: '(onvolledig)',
    jobsTitle: 'Lopende scans',
    status: { queued: 'in de wachtrij', running: 'bezig', done: 'klaar', failed: 'mislukt' } as Record<
      'queued' | 'running' | 'done' | 'failed',
      string
    >,
    follow: 'Volgen',
    retry: 'Opnieuw proberen',
    // The report
    reportTitle: (root: string) => `Rapport: ${root}`,
    back: 'Terug naar Datahygiëne',
    loadingReport: 'Het rapport wordt geladen…',
    labelScore: (label: string, score: number) => `Label ${label}, score ${score} van 100`,
    scannedAt: (when: string) => `Gescand op ${when}`,
    stats: (files: number, folders: number) => `${files} bestanden in ${folders} mappen`,
    notComplete: 'Deze scan is niet compleet:',
    subScoresTitle: 'Deelscores',
    trendTitle: 'Sinds de vorige scan',
    noTrend: 'Er is geen eerdere scan van deze bron om mee te vergelijken.',
    trendScore: (before: number, label: string, delta: number, when: string) =>
      `Vorige scan (${when}): score ${before}, label ${label}. ` +
      (delta === 0
        ? 'De score is gelijk gebleven.'
        : delta > 0
          ? `${delta} punten beter.`
          : `${-delta} punten slechter.`),
    before: 'Vorige',
    now: 'Nu',
    change: 'Verschil',
    chartTitle: 'Bevindingen per regel',
    chartLoading: 'De grafiek wordt geladen…',
    rule: 'Regel',
    count: 'Aantal',
    foldersTitle: 'Mappen, de slechtste eerst',
    folder: 'Map',
    items: 'Items',
    findingsCount: 'Bevindingen',
    label: 'Label',
    adviceTitle: 'Advies',
    findingsTitle: 'Bevindingen',
    filterSeverity: 'Ernst',
    filterRule: 'Regel',
    all: 'Alle',
    searchFindings: 'Zoeken in pad en toelichting',
    sortBy: 'Sorteren op',
    sorts: { severity: 'Ernst', rule: 'Regel', path: 'Pad' } as Record<'severity' | 'rule' | 'path', string>,
    shown: (n: number, total: number) => `${n} van ${total} bevindingen getoond`,
    noFindings: 'Geen bevindingen die hierbij passen.',
    path: 'Pad',
    severity: 'Ernst',
    detail: 'Toelichting',
    advice: 'Advies',
    moreFindings: 'Meer tonen',
    exportCsv: 'Exporteren naar CSV',
    exportExcel: 'Exporteren naar Excel',
    exporting: 'Het bestand wordt gemaakt…',
    exportFailed: 'Het bestand kon niet worden gemaakt.',
  },
  en: {
    title: 'Data readiness',
    intro:
      'Scan a team, site or OneDrive you have access to. AI-wijzer reads only the names and properties of folders and files, never their content, and gives each folder a score and concrete advice.',
    pickTitle: 'Choose what to scan',
    search: 'Search for a team, site or OneDrive',
    searchHint: 'Type part of the name; AI-wijzer also searches Microsoft 365 for sites.',
    loadingTargets: 'Loading the list…',
    loadingScans: 'Loading your earlier scans…',
    noTargets: 'Nothing found to scan.',
    kinds: { team: 'Teams', site: 'Sites', drive: 'OneDrive and libraries' } as Record<
      'team' | 'site' | 'drive',
      string
    >,
    incomplete: 'This list is not complete:',
    truncated: 'The list was cut off at the first 500. Search by name to find the rest.',
    appViewer: "Local development: the sites the app's own token sees.",
    consentTitle: 'Consent needed',
    consentButton: 'Give consent',
    notConfigured: 'Scanning through Microsoft 365 is not set up on this installation. Ask your administrator.',
    start: 'Start scan',
    starting: 'Starting the scan…',
    chosen: (name: string) => `Chosen: ${name}`,
    chooseFirst: 'Choose what to scan first.',
    progressTitle: 'Scan in progress',
    queued: 'The scan is waiting in the queue…',
    progress: (items: number, requests: number, throttled: number) =>
      `${items} items read, ${requests} requests to Microsoft 365` +
      (throttled > 0 ? `, ${Math.round(throttled)} seconds waited for Microsoft 365` : '') +
      '.',
    failed: 'The scan failed.',
    done: 'The scan is done. Opening the report…',
    earlierTitle: 'Earlier scans',
    earlierEmpty: 'There are no scans yet.',
    earlierCaption: 'Earlier scans and agent reports',
    when: 'Date',
    what: 'What',
    origin: 'Source',
    score: 'Score',
    own: 'Own scan',
    agent: 'Agent (network share)',
    openReport: (root: string) => `Report of ${root}`,
    incompleteScan: '(incomplete)',
    jobsTitle: 'Running scans',
    status: { queued: 'queued', running: 'running', done: 'done', failed: 'failed' } as Record<
      'queued' | 'running' | 'done' | 'failed',
      string
    >,
    follow: 'Follow',
    retry: 'Try again',
    reportTitle: (root: string) => `Report: ${root}`,
    back: 'Back to data readiness',
    loadingReport: 'Loading the report…',
    labelScore: (label: string, score: number) => `Label ${label}, score ${score} out of 100`,
    scannedAt: (when: string) => `Scanned on ${when}`,
    stats: (files: number, folders: number) => `${files} files in ${folders} folders`,
    notComplete: 'This scan is not complete:',
    subScoresTitle: 'Sub-scores',
    trendTitle: 'Since the previous scan',
    noTrend: 'There is no earlier scan of this source to compare with.',
    trendScore: (before: number, label: string, delta: number, when: string) =>
      `Previous scan (${when}): score ${before}, label ${label}. ` +
      (delta === 0 ? 'The score stayed the same.' : delta > 0 ? `${delta} points better.` : `${-delta} points worse.`),
    before: 'Before',
    now: 'Now',
    change: 'Change',
    chartTitle: 'Findings per rule',
    chartLoading: 'Loading the chart…',
    rule: 'Rule',
    count: 'Count',
    foldersTitle: 'Folders, worst first',
    folder: 'Folder',
    items: 'Items',
    findingsCount: 'Findings',
    label: 'Label',
    adviceTitle: 'Advice',
    findingsTitle: 'Findings',
    filterSeverity: 'Severity',
    filterRule: 'Rule',
    all: 'All',
    searchFindings: 'Search path and detail',
    sortBy: 'Sort by',
    sorts: { severity: 'Severity', rule: 'Rule', path: 'Path' } as Record<'severity' | 'rule' | 'path', string>,
    shown: (n: number, total: number) => `Showing ${n} of ${total} findings`,
    noFindings: 'No findings match.',
    path: 'Path',
    severity: 'Severity',
    detail: 'Detail',
    advice: 'Advice',
    moreFindings: 'Show more',
    exportCsv: 'Export to CSV',
    exportExcel: 'Export to Excel',
    exporting: 'Making the file…',
    exportFailed: 'The file could not be made.',
  },
};

export type ScanTexts = (typeof scanTexts)[Lang];

/** The rules' titles as src/housekeeping/advice.yaml names them (the tab cannot read that file). */
export const ruleTitles: Record<Lang, Record<RuleId, string>> = {
  nl: {
    'path-too-long': 'Pad te lang',
    'invalid-name': 'Ongeldige naam',
    'deep-nesting': 'Te diep genest',
    'large-folder': 'Te volle map',
    'empty-folder': 'Lege map',
    'duplicate-file': 'Dubbel bestand',
    'version-in-name': 'Versie in de naam',
    'generic-name': 'Nietszeggende naam',
    'stale-folder': 'Verouderde map',
    'personal-data-in-name': 'Persoonsgegevens in de naam',
    'anonymous-link': 'Anonieme deellink',
    'root-clutter': 'Losse bestanden in de hoofdmap',
    'temp-file': 'Tijdelijk bestand',
    'large-file': 'Zeer groot bestand',
  },
  en: {
    'path-too-long': 'Path too long',
    'invalid-name': 'Invalid name',
    'deep-nesting': 'Nested too deeply',
    'large-folder': 'Folder too large',
    'empty-folder': 'Empty folder',
    'duplicate-file': 'Duplicate file',
    'version-in-name': 'Version in the name',
    'generic-name': 'Generic name',
    'stale-folder': 'Stale folder',
    'personal-data-in-name': 'Personal data in the name',
    'anonymous-link': 'Anonymous sharing link',
    'root-clutter': 'Loose files in the root',
    'temp-file': 'Temporary file',
    'large-file': 'Very large file',
  },
};

/** The report's own names of severities, score categories and advice groups (src/housekeeping/output/labels.ts). */
export { categoryNames, groupNames, severityNames } from '../../api/scans.js';
