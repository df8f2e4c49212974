import { makeZip } from '../test/helpers/zip';
import { readZip } from './zip';

const want = (n: string) => /\.(log|txt)$/.test(n);
const limits = { maxTotal: 1024 * 1024, maxEntries: 100, want };

describe('readZip', () => {
  it('reads deflated and stored entries of a real zip, skipping folders and unwanted names', async () => {
    const zip = await makeZip([
      { name: 'job/1_Initialize.txt', data: 'first' },
      { name: 'job/2_Run.log', data: 'second '.repeat(100), store: true },
      { name: 'job/picture.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    const out = readZip(zip, limits);
    expect(out).toEqual({
      ok: true,
      entries: [
        { name: 'job/1_Initialize.txt', data: Buffer.from('first') },
        { name: 'job/2_Run.log', data: Buffer.from('second '.repeat(100)) },
      ],
      skipped: ['job/picture.png'],
    });
  });

  it('stops a zip bomb at the unpacked-size cap before inflating it', async () => {
    const zip = await makeZip([{ name: 'huge.log', data: Buffer.alloc(2 * 1024 * 1024, 0x41) }]);
    expect(zip.length).toBeLessThan(10 * 1024);
    expect(readZip(zip, limits)).toEqual({ ok: false, error: { code: 'too-large', message: 'the zip unpacks to more than 1 MB, the most that is read' } });
  });

  it('refuses more entries than allowed', async () => {
    const zip = await makeZip([{ name: 'a.log', data: 'a' }, { name: 'b.log', data: 'b' }]);
    expect(readZip(zip, { ...limits, maxEntries: 1 })).toEqual({ ok: false, error: { code: 'too-large', message: 'the zip has 2 entries; at most 1 are read' } });
  });

  it.each([
    ['text that is not a zip', Buffer.from('just some text that is long enough to look for a directory'), 'no zip directory found (the file may be cut short or not a zip)'],
    ['a file too short to be a zip', Buffer.from('PK'), 'the file is too short to be a zip'],
  ])('refuses %s', (_label, bytes, message) => {
    expect(readZip(bytes, limits)).toEqual({ ok: false, error: { code: 'zip-invalid', message } });
  });

  it('refuses a zip cut short', async () => {
    const zip = await makeZip([{ name: 'a.log', data: 'x'.repeat(5000) }]);
    const cut = Buffer.concat([zip.subarray(0, 40), zip.subarray(zip.length - 22)]);
    expect(readZip(cut, limits)).toMatchObject({ ok: false, error: { code: 'zip-invalid' } });
  });

  it('skips an entry whose data inflates past its declared size', async () => {
    const zip = await makeZip([{ name: 'liar.log', data: 'y'.repeat(1000) }]);
    // Rewrite the central directory's uncompressed size to 10 bytes: the inflater must stop there.
    const dir = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(10, dir + 24);
    expect(readZip(zip, limits)).toEqual({ ok: true, entries: [], skipped: ['liar.log (could not be unpacked)'] });
  });
});
