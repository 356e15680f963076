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
