import { PassThrough } from 'node:stream';
import { lineProgress, progressText } from '../../src/cli/scan-progress.js';

const at = (files: number, folders: number) => ({
  items: files + folders,
  requests: 0,
  throttledSeconds: 0,
  files,
  folders,
});

describe('scan progress', () => {
  it('speaks of files and folders, with Dutch thousands, and of requests only for Graph', () => {
    expect(progressText(at(12_345, 678), 'nl', false)).toBe('12.345 bestanden, 678 mappen gelezen');
    expect(progressText(at(1, 1), 'nl', false)).toBe('1 bestand, 1 map gelezen');
    expect(progressText(at(12_345, 678), 'en', false)).toBe('12,345 files, 678 folders read');
    expect(progressText({ ...at(10, 2), requests: 31, throttledSeconds: 4.4 }, 'nl', true)).toBe(
      '10 bestanden, 2 mappen gelezen, 31 verzoeken, 4 s gewacht (throttling)',
    );
  });

  it('writes plain lines: the first at once, then at most one per interval, and the last count at the end', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString('utf8')));
    let clock = 0;
    const view = lineProgress(out, { lang: 'nl', graph: false, intervalMs: 2000, now: () => clock });
    view.update(at(10, 1)); // t = 0: written
    clock = 1999;
    view.update(at(500, 20)); // too soon
    clock = 2000;
    view.update(at(900, 30)); // written
    clock = 2500;
    view.update(at(1000, 40)); // too soon, but the last: written at the end
    view.stop();
    expect(text).toBe(
      'Scannen: 10 bestanden, 1 map gelezen\n' +
        'Scannen: 900 bestanden, 30 mappen gelezen\n' +
        'Scannen: 1.000 bestanden, 40 mappen gelezen\n',
    );
  });

  it('does not repeat the last line when it was just written', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const view = lineProgress(out, { lang: 'en', graph: false, now: () => 0 });
    view.update(at(3, 1));
    view.stop();
    expect(text).toBe('Scanning: 3 files, 1 folder read\n');
  });
});
