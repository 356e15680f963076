import type { Lang } from '../../lang.js';
import type { AdviceGroup, ScoreCategory, Severity } from '../report.js';

/** Column and field names of the CSV and Excel reports, Dutch first. */
export const columns: Record<
  Lang,
  Record<'rule' | 'title' | 'severity' | 'group' | 'path' | 'detail' | 'advice', string>
> = {
  nl: {
    rule: 'regel',
    title: 'bevinding',
    severity: 'ernst',
    group: 'termijn',
    path: 'pad',
    detail: 'toelichting',
    advice: 'advies',
  },
  en: {
    rule: 'rule',
    title: 'finding',
    severity: 'severity',
    group: 'when',
    path: 'path',
    detail: 'detail',
    advice: 'advice',
  },
};

export const severityNames: Record<Lang, Record<Severity, string>> = {
  nl: { high: 'hoog', medium: 'middel', low: 'laag' },
  en: { high: 'high', medium: 'medium', low: 'low' },
};

export const categoryNames: Record<Lang, Record<ScoreCategory, string>> = {
  nl: { technical: 'Techniek (limieten)', findability: 'Vindbaarheid en AI-gereedheid', privacy: 'Toegang en privacy' },
  en: { technical: 'Technical (limits)', findability: 'Findability and AI readiness', privacy: 'Access and privacy' },
};

export const groupNames: Record<Lang, Record<AdviceGroup, string>> = {
  nl: { urgent: 'Urgent', 'within-a-year': 'Binnen een jaar', desirable: 'Wenselijk' },
  en: { urgent: 'Urgent', 'within-a-year': 'Within a year', desirable: 'Desirable' },
};

/** How the reports show what was not read: a row per unread part (CSV, Excel), and a scan that read nothing. */
export const unreadNames: Record<
  Lang,
  Record<'rule' | 'title' | 'advice' | 'noScore' | 'incomplete' | 'heading' | 'labelNote', string>
> = {
  nl: {
    rule: 'niet-gelezen',
    title: 'Niet gelezen',
    advice:
      'Geef het account waarmee gescand wordt leesrechten op dit onderdeel en scan opnieuw; tot dan telt het niet mee.',
    noScore: 'Geen score en geen label: er is niets gelezen.',
    incomplete: 'onvolledig',
    heading: 'Niet gelezen',
    labelNote: 'onvolledig: score en label gelden alleen voor wat gelezen is',
  },
  en: {
    rule: 'unread',
    title: 'Not read',
    advice: 'Give the scanning account read access to this part and scan again; until then it does not count.',
    noScore: 'No score and no label: nothing was read.',
    incomplete: 'incomplete',
    heading: 'Not read',
    labelNote: 'incomplete: score and label cover only what was read',
  },
};
