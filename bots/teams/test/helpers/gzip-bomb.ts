import { once } from 'node:events';
import { createGzip } from 'node:zlib';

/** `bytes` of zeros, gzipped in 1 MB steps: 256 MB becomes ~261 KB without 256 MB in this process. */
export async function gzipOfZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const ended = once(gzip, 'end');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}
