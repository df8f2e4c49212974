import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { serialiseServiceTags } from '@kvdoctor/diagnose';
import { EXIT, type ExitCode } from '../exit-codes';
import { type Io, warn, writeOutput } from '../io';
import { serviceTagCachePath } from '../service-tags/cache-path';
import { compileDownload } from '../service-tags/load';

/** `kvdoctor ranges import <ServiceTags_Public.json>`: compile Microsoft's weekly file into the user's cache. */
export async function rangesImportCommand(file: string, io: Io): Promise<ExitCode> {
  const compiled = await compileDownload(file);
  if (!compiled.ok) {
    warn(io, `${file}: ${compiled.error.message}`);
    return EXIT.usage;
  }
  const c = compiled.value;
  const target = serviceTagCachePath(io.env);
  // Written beside the target and renamed: a reader never sees half a cache.
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(temp, `${JSON.stringify(serialiseServiceTags(c))}\n`, 'utf8');
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    warn(io, `cannot write the service-tag cache ${target} (${code})`);
    return EXIT.usage;
  }
  const ipv4 = c.tags.reduce((n, t) => n + t.ipv4Prefixes, 0);
  const written = await writeOutput(
    io,
    `Imported ${c.tags.length} service tags with ${ipv4} IPv4 ranges (cloud ${c.cloud}, change ${c.changeNumber}, as of ${c.asOf}) into ${target}\n`,
    undefined,
  );
  if (!written.ok) warn(io, written.message);
  return written.ok ? EXIT.clean : EXIT.usage;
}
