import type { Lang } from '../../lang.js';

/**
 * What the channel tab says (src/tab/views/TeamPage.tsx, TabConfig.tsx): the team's last scan for team leads, and the
 * configuration page Teams shows when someone adds the tab to a channel. Dutch and English side by side.
 */
/**
 * The channel tab's name as its configuration saves it: one name for the whole team, so Dutch (Teams lets the team
 * rename it).
 */
export const channelTabName = 'AI-wijzer Datahygiëne';

export const teamTexts = {
  nl: {
    configTitle: 'AI-wijzer Datahygiëne in dit kanaal',
    configText:
      'Dit tabblad laat teamleiders de laatste datahygiëne-scan van de bestanden van dit team zien: label, score, de drie grootste problemen en een link naar het hele rapport.',
    configSave: 'Kies Opslaan om het tabblad toe te voegen.',
    configSaved: 'Het tabblad is opgeslagen.',
    configOutsideTeams:
      'Deze pagina is voor Teams: voeg AI-wijzer als tabblad aan een kanaal toe, dan toont Teams hem daar.',
    title: 'Datahygiëne van dit team',
    titleOf: (team: string) => `Datahygiëne van ${team}`,
    loading: 'De laatste scan van het team wordt opgehaald…',
    notInTeam:
      'Hier is geen team bekend. Dit tabblad hoort in een kanaal van een team en laat de laatste scan van de bestanden van dat team zien.',
    onlyLeads:
      'Dit tabblad is voor teamleiders. Je eigen scans en rapporten vind je bij Datahygiëne in de persoonlijke app van AI-wijzer.',
    none: 'Er is nog geen scan van de bestanden van dit team.',
    lastScan: 'Laatste scan',
    scannedAt: (when: string) => `Gescand op ${when}`,
    byYou: 'Jij hebt deze scan gestart.',
    byColleague: 'Een collega heeft deze scan gestart.',
    counts: (files: number, folders: number, findings: number) =>
      `${files} bestanden en ${folders} mappen, ${findings} ${findings === 1 ? 'bevinding' : 'bevindingen'}.`,
    incomplete: 'Deze scan kon niet alles lezen: de uitkomst is onvolledig.',
    subScores: 'Deelscores',
    problemsTitle: 'De grootste problemen',
    noProblems: 'Geen problemen gevonden.',
    problem: (title: string, count: number, severity: string) => `${title}: ${count} (${severity})`,
    openReport: 'Het hele rapport openen',
    startScan: 'Een nieuwe scan starten in Datahygiëne',
    retry: 'Opnieuw proberen',
  },
  en: {
    configTitle: 'AI-wijzer Data readiness in this channel',
    configText:
      "This tab shows team leads the last data-readiness scan of this team's files: label, score, the three biggest problems and a link to the whole report.",
    configSave: 'Choose Save to add the tab.',
    configSaved: 'The tab has been saved.',
    configOutsideTeams: 'This page is for Teams: add AI-wijzer as a tab to a channel, and Teams shows it there.',
    title: "This team's data readiness",
    titleOf: (team: string) => `Data readiness of ${team}`,
    loading: "Fetching the team's last scan…",
    notInTeam:
      "No team is known here. This tab belongs in a team's channel and shows the last scan of that team's files.",
    onlyLeads:
      "This tab is for team leads. You find your own scans and reports under Data readiness in AI-wijzer's personal app.",
    none: "There is no scan of this team's files yet.",
    lastScan: 'Last scan',
    scannedAt: (when: string) => `Scanned on ${when}`,
    byYou: 'You started this scan.',
    byColleague: 'A colleague started this scan.',
    counts: (files: number, folders: number, findings: number) =>
      `${files} files and ${folders} folders, ${findings} ${findings === 1 ? 'finding' : 'findings'}.`,
    incomplete: 'This scan could not read everything: the outcome is incomplete.',
    subScores: 'Sub-scores',
    problemsTitle: 'The biggest problems',
    noProblems: 'No problems found.',
    problem: (title: string, count: number, severity: string) => `${title}: ${count} (${severity})`,
    openReport: 'Open the whole report',
    startScan: 'Start a new scan in Data readiness',
    retry: 'Try again',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type TeamTexts = (typeof teamTexts)['nl'];
