import { DEFAULT_LIMITS } from './conversation/limits';
import { decodeText, fileKind, fileTexts } from './file-text';
import { makeZip } from '../test/helpers/zip';

describe('file texts', () => {
  it('knows logs and zips by extension, case-insensitively', () => {
    expect(['job.log', 'JOB.TXT', 'logs.zip', 'shot.png', 'log'].map(fileKind)).toEqual(['text', 'text', 'zip', undefined, undefined]);
  });

  it('decodes UTF-8 (with or without BOM) and UTF-16 LE/BE', () => {
    const text = 'Client address: 40.82.190.38 — refused';
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });

  it('refuses bytes that are not text', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBeUndefined();
    expect(decodeText(Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64))))).toBeUndefined();
  });

  it('returns a zip\'s text entries with the zip\'s name in front', async () => {
    const zip = await makeZip([{ name: 'a/job.log', data: 'line one' }, { name: 'a/bin.log', data: Buffer.from([1, 0, 2, 0]) }]);
    expect(fileTexts('logs.zip', zip, DEFAULT_LIMITS)).toEqual({ ok: true, texts: [{ name: 'logs.zip/a/job.log', text: 'line one' }], skipped: ['a/bin.log (not text)'] });
  });

  it('refuses an unknown file type', () => {
    expect(fileTexts('shot.png', Buffer.from('x'), DEFAULT_LIMITS)).toEqual({ ok: false, error: { code: 'unsupported-type', message: 'only .log, .txt and .zip files are read' } });
  });
});
