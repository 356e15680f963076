import { once } from 'node:events';
import type { ScanReport, ScanResult } from '../report.js';

/**
 * Writes the report as one JSON object, the same text as JSON.stringify(report), but the findings in
 * chunks: a report with hundreds of thousands of findings never becomes one string of that size. A scan that read
 * nothing is written as it is: read false, its reason, no findings, no score, no label.
 */
export async function writeJsonReport(report: ScanResult, out: NodeJS.WritableStream): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let first = true;
  await write('{');
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    await write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (key !== 'findings') {
      await write(JSON.stringify(value));
      continue;
    }
    await write('[');
    let chunk = '';
    let i = 0;
    for (const finding of value as ScanReport['findings']) {
      chunk += (i++ === 0 ? '' : ',') + JSON.stringify(finding);
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
    await write(']');
  }
  await write('}\n');
}
