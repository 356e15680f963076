import type { Lang } from '../../lang.js';
import type { PutToolRequest } from '../../api/admin.js';
import type { taskValues } from '../../api/checks.js';

/** A register entry's fields, as the form shows them (src/tab/views/admin-tool-form.ts reads them from the schema). */
export type ToolField = keyof PutToolRequest;
type Task = (typeof taskValues)[number];
type Hosting = NonNullable<PutToolRequest['hosting']>;
type DataClass = NonNullable<PutToolRequest['maxData']>;
type Verdict = 'prohibited' | 'consult' | 'conditional' | 'allowed';

/** The check's tasks as the quick check names them (src/quickcheck/content/questions.yaml, the `task` options). */
const taskNl: Record<Task, string> = {
  text: 'tekst schrijven of herschrijven',
  summarize: 'samenvatten',
  translate: 'vertalen',
  transcribe: 'spraak uitschrijven (transcriberen, notuleren)',
  code: 'programmeren of scripts',
  image: 'afbeeldingen, audio of video maken',
  'analysis-of-people': "gegevens over mensen analyseren (profileren, risico's inschatten)",
  'decision-about-people': 'een besluit over een persoon voorbereiden of nemen',
  'chatbot-citizens': 'een chatbot voor inwoners of ondernemers',
  other: 'iets anders',
};
const taskEn: Record<Task, string> = {
  text: 'write or rewrite text',
  summarize: 'summarise',
  translate: 'translate',
  transcribe: 'transcribe speech (minutes)',
  code: 'programming or scripts',
  image: 'create images, audio or video',
  'analysis-of-people': 'analyse data about people (profiling, risk scoring)',
  'decision-about-people': 'prepare or take a decision about a person',
  'chatbot-citizens': 'a chatbot for residents or businesses',
  other: 'something else',
};

/**
 * What Beheer says (src/tab/views/Admin*.tsx), Dutch and English side by side. The fields' hints are the meaning the
 * register's YAML gives them (src/quickcheck/content/tools.yaml); a field added to the entry's schema needs its
 * label and hint here (the type asks for it), and a field of choices its options' names.
 */
export const adminTexts = {
  nl: {
    title: 'Beheer',
    intro:
      'Voor beheerders van AI-wijzer: het toolregister, de versies van de inhoud, cijfers zonder namen en het auditrecord van de checks.',
    checking: 'Je rechten worden nagekeken…',
    adminsOnly: 'Deze pagina is alleen voor beheerders van AI-wijzer. Vraag je beheerder als je hier iets nodig hebt.',
    retry: 'Opnieuw proberen',
    loading: 'Wordt geladen…',
    contents: 'Op deze pagina',
    // The register
    toolsTitle: 'Toolregister',
    toolsIntro: (version: string, revision: number) =>
      `Register ${version}, ${revision === 0 ? 'nog zoals het uit het bestand kwam' : `${revision} ${revision === 1 ? 'wijziging' : 'wijzigingen'} sinds het bestand`}. Een wijziging geldt meteen voor elke nieuwe check.`,
    example: 'Dit is nog het voorbeeldregister: vervang het door het eigen register van de gemeente.',
    toolsCaption: (n: number) => `De tools in het register (${n})`,
    colName: 'Naam',
    colVendor: 'Leverancier',
    colContracted: 'Contract',
    colHosting: 'Hosting',
    colMaxData: 'Hoogste gegevensklasse',
    colDpia: 'DPIA voor',
    colActions: 'Acties',
    yes: 'ja',
    no: 'nee',
    none: 'geen',
    edit: 'Wijzigen',
    editOf: (name: string) => `${name} wijzigen`,
    remove: 'Verwijderen',
    removeOf: (name: string) => `${name} verwijderen`,
    add: 'Tool toevoegen',
    // The form
    addTitle: 'Tool toevoegen',
    editTitle: (name: string) => `Tool wijzigen: ${name}`,
    formIntro: 'Velden met een * zijn verplicht.',
    idFixed: 'De id van een bestaande tool blijft gelijk: checks en links verwijzen ernaar.',
    listHint: 'Eén per regel.',
    requiredText: 'Vul dit in.',
    requiredChoice: 'Kies een van de mogelijkheden.',
    save: 'Opslaan',
    saving: 'Wordt opgeslagen…',
    cancel: 'Annuleren',
    invalid: (n: number) =>
      n === 1
        ? 'Eén veld klopt nog niet; het staat hieronder bij het veld.'
        : `${n} velden kloppen nog niet; zie hieronder.`,
    refused: 'De server heeft de wijziging geweigerd. Er is niets gewijzigd.',
    saved: {
      added: (name: string) => `${name} is toegevoegd aan het register.`,
      changed: (name: string) => `${name} is gewijzigd.`,
      unchanged: (name: string) => `${name} was al zo: er is niets gewijzigd.`,
    },
    removed: (name: string) => `${name} is uit het register verwijderd.`,
    confirmTitle: (name: string) => `${name} verwijderen?`,
    confirmText:
      'De tool verdwijnt meteen uit het register: nieuwe checks kennen hem niet meer. Eerdere checks en de geschiedenis blijven bewaard.',
    confirmRemove: 'Ja, verwijderen',
    fields: {
      id: { label: 'Id', hint: 'Vaste sleutel: kleine letters, cijfers en streepjes, bijvoorbeeld m365-copilot.' },
      name: { label: 'Naam', hint: 'De naam zoals medewerkers hem zien.' },
      nameEn: {
        label: 'Naam in het Engels (optioneel)',
        hint: 'Alleen als die anders is, bijvoorbeeld "ChatGPT (free)"; ook daaraan wordt de tool herkend.',
      },
      vendor: { label: 'Leverancier', hint: 'Wie de tool levert.' },
      aliases: {
        label: 'Andere namen (aliassen)',
        hint: 'Hoe medewerkers de tool noemen; hoofdletters, spaties, leestekens en accenten tellen niet.',
      },
      contracted: {
        label: 'Contract en verwerkersovereenkomst aanwezig',
        hint: 'Zonder contract en verwerkersovereenkomst mag alleen openbare informatie (gegevensklasse none).',
      },
      hosting: { label: 'Hosting', hint: 'Waar de tool draait en de gegevens staan.' },
      maxData: {
        label: 'Hoogste gegevensklasse',
        hint: 'De hoogste gegevensklasse die contract en DPIA toestaan.',
      },
      tasks: {
        label: 'Bedoeld voor deze taken',
        hint: 'Alleen voor deze taken noemt de check de tool als alternatief, en alleen als de gegevensklasse het toestaat; nooit bij een verboden AI-praktijk. Geen: nooit als alternatief genoemd.',
      },
      dpia: {
        label: 'DPIA gedaan voor deze taken',
        hint: 'De taken (doelen) waarvoor een DPIA is gedaan; geen, als er geen DPIA is.',
      },
      notes: { label: 'Toelichting', hint: 'Wat medewerkers bij het oordeel over deze tool lezen.' },
    } satisfies Record<ToolField, { label: string; hint: string }>,
    options: {
      hosting: {
        own: 'own: eigen beheer van de gemeente',
        nl: 'nl: in Nederland',
        eu: 'eu: in de Europese Unie',
        'non-eu': 'non-eu: buiten de Europese Unie',
      } satisfies Record<Hosting, string>,
      maxData: {
        none: 'none: alleen openbare informatie',
        internal: 'internal: niet-openbare werkinformatie zonder persoonsgegevens',
        personal: 'personal: gewone persoonsgegevens',
        sensitive:
          'sensitive: BSN, bijzondere en strafrechtelijke gegevens, gegevens van kinderen of kwetsbare personen',
      } satisfies Record<DataClass, string>,
      tasks: taskNl,
      dpia: taskNl,
    } as Partial<Record<ToolField, Record<string, string>>>,
    // The history
    historyTitle: 'Geschiedenis van het register',
    historyStart: (version: string, at: string) => `Het register begon op ${at} met versie ${version} uit het bestand.`,
    historyCaption: 'Wijzigingen in het register, nieuwste eerst',
    historyEmpty: 'Er is nog niets gewijzigd.',
    colWhen: 'Wanneer',
    colWho: 'Wie (pseudoniem)',
    colTool: 'Tool',
    colAction: 'Wat',
    colChange: 'Wijziging',
    colRevision: 'Revisie',
    you: '(jij)',
    actions: { added: 'toegevoegd', changed: 'gewijzigd', removed: 'verwijderd' } as Record<
      'added' | 'changed' | 'removed',
      string
    >,
    noFieldChanged: 'geen veld',
    older: 'Oudere wijzigingen',
    // Versions
    versionsTitle: 'Versies',
    versionsIntro: 'Elk antwoord, oordeel en rapport legt deze versies vast.',
    vRules: 'Regels',
    vLegalDates: (version: string, asOf: string) => `wettelijke data ${version}, stand ${asOf}`,
    vQuestions: 'Vragen van de check',
    vRegister: 'Toolregister',
    vRegisterDetail: (startVersion: string, revision: number, source: string) =>
      `begonnen als ${startVersion}, revisie ${revision}, bewaard in ${source === 'database' ? 'de database' : 'het bestand'}`,
    vChangedAt: (at: string) => `laatst gewijzigd ${at}`,
    vVision: 'AI-visie',
    vVisionDetail: (date: string) => `van ${date}`,
    vApp: 'AI-wijzer',
    // Figures
    figuresTitle: 'Cijfers',
    figuresIntro: 'Alleen aantallen per groep: geen namen, geen pseudoniemen, geen vragen.',
    since: 'Vanaf',
    sinceHint: 'Leeg: alles wat er is.',
    show: 'Tonen',
    figuresSince: (day: string | null) => (day ? `Cijfers vanaf ${day}.` : 'Cijfers over de hele periode.'),
    perVerdictCaption: (n: number) => `Checks per oordeel (totaal ${n})`,
    perToolCaption: 'Checks per tool',
    colVerdict: 'Oordeel',
    colCount: 'Aantal',
    unknownTool: 'Een tool die niet in het register staat',
    verdicts: {
      allowed: 'Ja, dit mag',
      conditional: 'Ja, onder voorwaarden',
      consult: 'Eerst overleggen',
      prohibited: 'Nee, dit mag niet',
    } satisfies Record<Verdict, string>,
    unansweredCaption: (n: number) => `Vragen zonder antwoord uit de visie, per taal (totaal ${n})`,
    outcomesCaption: 'Vragen zonder antwoord uit de visie, per uitkomst',
    colGroup: 'Groep',
    languages: { nl: 'in het Nederlands', en: 'in het Engels', unknown: 'taal onbekend' },
    outcomes: {
      suggest: 'met voorgestelde secties',
      abstain: 'zonder voorstel',
      unknown: 'uitkomst onbekend',
    },
    feedbackCaption: 'Duimen bij antwoorden, per sectie van de visie',
    colSection: 'Sectie',
    colHelpful: 'Nuttig',
    colNotHelpful: 'Niet nuttig',
    noSection: 'Antwoord zonder sectie',
    noRows: 'Nog niets.',
    // Audit
    auditTitle: 'Auditrecord',
    auditIntro:
      'Elke check wordt vastgelegd in een keten van hashes. Controleren rekent de keten na; exporteren geeft alle vastgelegde checks als CSV-bestand voor Excel.',
    verify: 'Controleren',
    verifying: 'De keten wordt nagerekend…',
    whole: (count: number, hash: string) =>
      `Het auditrecord is heel: ${count} ${count === 1 ? 'check' : 'checks'}, de laatste hash is ${hash}.`,
    broken: (seq: number, message: string) =>
      seq > 0
        ? `Het auditrecord is niet heel, vanaf check nr. ${seq}: ${message}`
        : `Het auditrecord is niet te controleren: ${message}`,
    exportCsv: 'Exporteren (CSV)',
    exporting: 'Het bestand wordt gemaakt…',
    exported: (name: string) => `${name} is gedownload.`,
  },
  en: {
    title: 'Administration',
    intro:
      "For AI-wijzer's admins: the tool register, the versions of the content, figures without names and the audit record of the checks.",
    checking: 'Checking your permissions…',
    adminsOnly: 'This page is for AI-wijzer admins only. Ask your admin if you need something here.',
    retry: 'Try again',
    loading: 'Loading…',
    contents: 'On this page',
    toolsTitle: 'Tool register',
    toolsIntro: (version: string, revision: number) =>
      `Register ${version}, ${revision === 0 ? 'still as it came from the file' : `${revision} ${revision === 1 ? 'change' : 'changes'} since the file`}. A change applies to every new check at once.`,
    example: "This is still the example register: replace it with the municipality's own.",
    toolsCaption: (n: number) => `The tools in the register (${n})`,
    colName: 'Name',
    colVendor: 'Vendor',
    colContracted: 'Contract',
    colHosting: 'Hosting',
    colMaxData: 'Highest data class',
    colDpia: 'DPIA for',
    colActions: 'Actions',
    yes: 'yes',
    no: 'no',
    none: 'none',
    edit: 'Edit',
    editOf: (name: string) => `Edit ${name}`,
    remove: 'Remove',
    removeOf: (name: string) => `Remove ${name}`,
    add: 'Add a tool',
    addTitle: 'Add a tool',
    editTitle: (name: string) => `Edit tool: ${name}`,
    formIntro: 'Fields marked * are required.',
    idFixed: "An existing tool's id stays the same: checks and links refer to it.",
    listHint: 'One per line.',
    requiredText: 'Please fill this in.',
    requiredChoice: 'Please choose one of the options.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    invalid: (n: number) =>
      n === 1 ? 'One field is not right yet; see below at the field.' : `${n} fields are not right yet; see below.`,
    refused: 'The server refused the change. Nothing was changed.',
    saved: {
      added: (name: string) => `${name} has been added to the register.`,
      changed: (name: string) => `${name} has been changed.`,
      unchanged: (name: string) => `${name} was like that already: nothing was changed.`,
    },
    removed: (name: string) => `${name} has been removed from the register.`,
    confirmTitle: (name: string) => `Remove ${name}?`,
    confirmText:
      'The tool leaves the register at once: new checks no longer know it. Earlier checks and the history are kept.',
    confirmRemove: 'Yes, remove',
    fields: {
      id: { label: 'Id', hint: 'A fixed key: lower-case letters, digits and hyphens, for example m365-copilot.' },
      name: { label: 'Name', hint: 'The name as staff see it.' },
      nameEn: {
        label: 'English name (optional)',
        hint: 'Only when it differs, for example "ChatGPT (free)"; the tool is also recognised by it.',
      },
      vendor: { label: 'Vendor', hint: 'Who supplies the tool.' },
      aliases: {
        label: 'Other names (aliases)',
        hint: 'What staff call the tool; capitals, spaces, punctuation and accents do not count.',
      },
      contracted: {
        label: 'Contract and processing agreement in place',
        hint: 'Without a contract and processing agreement only public information is allowed (data class none).',
      },
      hosting: { label: 'Hosting', hint: 'Where the tool runs and the data is kept.' },
      maxData: { label: 'Highest data class', hint: 'The highest data class that the contract and DPIA allow.' },
      tasks: {
        label: 'Meant for these tasks',
        hint: 'The check suggests the tool as an alternative only for these tasks, only when the data class allows it, and never for a prohibited AI practice. None: never suggested.',
      },
      dpia: {
        label: 'DPIA done for these tasks',
        hint: 'The tasks (purposes) a DPIA was done for; none when there is no DPIA.',
      },
      notes: { label: 'Explanation', hint: 'What staff read about this tool with the verdict.' },
    } satisfies Record<ToolField, { label: string; hint: string }>,
    options: {
      hosting: {
        own: "own: run by the municipality's own IT",
        nl: 'nl: in the Netherlands',
        eu: 'eu: in the European Union',
        'non-eu': 'non-eu: outside the European Union',
      } satisfies Record<Hosting, string>,
      maxData: {
        none: 'none: public information only',
        internal: 'internal: non-public work information without personal data',
        personal: 'personal: ordinary personal data',
        sensitive:
          'sensitive: citizen service numbers, special and criminal data, data of children or vulnerable people',
      } satisfies Record<DataClass, string>,
      tasks: taskEn,
      dpia: taskEn,
    } as Partial<Record<ToolField, Record<string, string>>>,
    historyTitle: 'History of the register',
    historyStart: (version: string, at: string) =>
      `The register started on ${at} with version ${version} from the file.`,
    historyCaption: 'Changes to the register, newest first',
    historyEmpty: 'Nothing has been changed yet.',
    colWhen: 'When',
    colWho: 'Who (pseudonym)',
    colTool: 'Tool',
    colAction: 'What',
    colChange: 'Change',
    colRevision: 'Revision',
    you: '(you)',
    actions: { added: 'added', changed: 'changed', removed: 'removed' } as Record<
      'added' | 'changed' | 'removed',
      string
    >,
    noFieldChanged: 'no field',
    older: 'Older changes',
    versionsTitle: 'Versions',
    versionsIntro: 'Every answer, verdict and report records these versions.',
    vRules: 'Rules',
    vLegalDates: (version: string, asOf: string) => `legal dates ${version}, as of ${asOf}`,
    vQuestions: "The check's questions",
    vRegister: 'Tool register',
    vRegisterDetail: (startVersion: string, revision: number, source: string) =>
      `started as ${startVersion}, revision ${revision}, kept in ${source === 'database' ? 'the database' : 'the file'}`,
    vChangedAt: (at: string) => `last changed ${at}`,
    vVision: 'AI vision',
    vVisionDetail: (date: string) => `of ${date}`,
    vApp: 'AI-wijzer',
    figuresTitle: 'Figures',
    figuresIntro: 'Counts per group only: no names, no pseudonyms, no questions.',
    since: 'From',
    sinceHint: 'Empty: everything there is.',
    show: 'Show',
    figuresSince: (day: string | null) => (day ? `Figures from ${day}.` : 'Figures over the whole period.'),
    perVerdictCaption: (n: number) => `Checks per verdict (total ${n})`,
    perToolCaption: 'Checks per tool',
    colVerdict: 'Verdict',
    colCount: 'Count',
    unknownTool: 'A tool that is not in the register',
    verdicts: {
      allowed: 'Yes, this is allowed',
      conditional: 'Yes, on conditions',
      consult: 'Consult first',
      prohibited: 'No, this is not allowed',
    } satisfies Record<Verdict, string>,
    unansweredCaption: (n: number) => `Questions the vision did not answer, per language (total ${n})`,
    outcomesCaption: 'Questions the vision did not answer, per outcome',
    colGroup: 'Group',
    languages: { nl: 'in Dutch', en: 'in English', unknown: 'language unknown' },
    outcomes: { suggest: 'with suggested sections', abstain: 'without a suggestion', unknown: 'outcome unknown' },
    feedbackCaption: 'Thumbs on answers, per section of the vision',
    colSection: 'Section',
    colHelpful: 'Helpful',
    colNotHelpful: 'Not helpful',
    noSection: 'Answer without a section',
    noRows: 'Nothing yet.',
    auditTitle: 'Audit record',
    auditIntro:
      'Every check is recorded in a chain of hashes. Verify recomputes the chain; export gives all recorded checks as a CSV file for Excel.',
    verify: 'Verify',
    verifying: 'Recomputing the chain…',
    whole: (count: number, hash: string) =>
      `The audit record is whole: ${count} ${count === 1 ? 'check' : 'checks'}, the last hash is ${hash}.`,
    broken: (seq: number, message: string) =>
      seq > 0
        ? `The audit record is not whole, from check no. ${seq}: ${message}`
        : `The audit record cannot be checked: ${message}`,
    exportCsv: 'Export (CSV)',
    exporting: 'Making the file…',
    exported: (name: string) => `${name} has been downloaded.`,
  },
} as const;

export type AdminTexts = (typeof adminTexts)[Lang];
