import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { ZipFile } from 'yazl';

/** Writes a real deflated zip with these entries (name → content), like a downloaded pipeline log archive. */
export function writeZip(path: string, entries: Readonly<Record<string, string | Buffer>>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name, { mtime: new Date(Date.UTC(2024, 4, 6)) });
    zip.outputStream.pipe(createWriteStream(path)).on('close', () => resolve()).on('error', reject);
    zip.end();
  });
}

/** Makes the central directory claim a wrong size for the first entry: yauzl then fails that entry's stream. */
export function breakFirstEntrySize(path: string): void {
  const buf = readFileSync(path);
  const central = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  if (central < 0) throw new Error('no central directory');
  buf.writeUInt32LE(buf.readUInt32LE(central + 24) + 1000, central + 24);
  writeFileSync(path, buf);
}
