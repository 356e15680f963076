import { maskPersonalData } from '../personal-data.js';
import type { ScanReport } from '../report.js';

/** Every string in a report masked: a second line of defence for reports from elsewhere (uploads). */
export function maskReport(report: ScanReport): ScanReport {
  return maskDeep(report) as ScanReport;
}

function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  return value;
}
