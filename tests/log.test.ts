import { errorForLog } from '../src/log.js';

describe('errors as they are logged', () => {
  it('keep their kind and code but lose file names, paths, e-mail addresses and numbers like a BSN', () => {
    const fsError = Object.assign(
      new Error("EACCES: permission denied, scandir '/mnt/share/Jansen/BSN 123456782.pdf'"),
      { code: 'EACCES' },
    );
    const logged = errorForLog(fsError);
    expect(logged).toMatchObject({ name: 'Error', code: 'EACCES', message: 'EACCES: permission denied, scandir […]' });
    expect(errorForLog(new Error('mail naar piet.jansen@groningen.nl mislukt')).message).toBe(
      'mail naar [e-mail] mislukt',
    );
    expect(errorForLog(new Error('bestand C:\\Users\\pjansen\\Documenten\\cv.docx ontbreekt')).message).toBe(
      'bestand [pad] ontbreekt',
    );
    expect(errorForLog(new Error('BSN 123456782 gevonden')).message).toBe('BSN [nummer] gevonden');
    expect(errorForLog('zomaar tekst').name).toBe('Error');
  });

  it('keep the stack frames (our code), not the message line in it', () => {
    const logged = errorForLog(new Error("kan '/geheim/dossier.pdf' niet lezen"));
    expect(logged.stack).toMatch(/^\s+at /);
    expect(logged.stack).not.toContain('dossier');
  });
});
