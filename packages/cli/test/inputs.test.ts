import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_AZ_COMMAND, AZDO_LOG, buildCli, CLEAN_LOG, kvdoctor, ROOT, tempDir } from './helpers/cli';
import { breakFirstEntrySize, writeZip } from './helpers/zip';

beforeAll(buildCli, 120_000);

const AZDO = readFileSync(join(ROOT, AZDO_LOG), 'utf8');

interface Item {
  input: string;
  encoding?: string;
  report?: { findings: { rule: string }[] };
  error?: { code: string; message: string };
}

function json(args: string[], input?: string | Buffer): { status: number | null; items: Item[]; stderr: string } {
  const r = kvdoctor(['diagnose', '--format', 'json', ...args], input === undefined ? {} : { input });
  return { status: r.status, items: JSON.parse(r.stdout).inputs, stderr: r.stderr };
}

function rules(item: Item | undefined): string[] | undefined {
  return item?.report?.findings.map((f) => f.rule);
}

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('standard input', () => {
  it('reads - as a stream', () => {
    const r = json(['-'], AZDO);
    expect(r.status).toBe(1);
    expect(r.items.map((i) => i.input)).toEqual(['<stdin>']);
    expect(rules(r.items[0])).toEqual(['firewall']);
  });

  it('reads standard input when no input is named and it is not a terminal', () => {
    const r = kvdoctor(['diagnose'], { input: AZDO });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(AZDO_AZ_COMMAND);
  });
});

describe('folders', () => {
  it('reads .log, .txt and .json recursively, in name order, and skips other files', () => {
    mkdirSync(join(tmp.dir, 'b', 'deep'), { recursive: true });
    writeFileSync(join(tmp.dir, 'a.log'), CLEAN_LOG);
    writeFileSync(join(tmp.dir, 'b', 'deep', 'job.txt'), AZDO);
    writeFileSync(join(tmp.dir, 'b', 'notes.md'), AZDO);
    writeFileSync(join(tmp.dir, 'c.json'), '{"status":"ok"}\n');
    const r = json([tmp.dir]);
    expect(r.status).toBe(1);
    expect(r.items.map((i) => [i.input, rules(i)])).toEqual([
      [join(tmp.dir, 'a.log'), []],
      [join(tmp.dir, 'b', 'deep', 'job.txt'), ['firewall']],
      [join(tmp.dir, 'c.json'), []],
    ]);
  });

  it('an empty folder is an input error', () => {
    const r = json([tmp.dir]);
    expect(r.status).toBe(2);
    expect(r.items).toEqual([{ input: tmp.dir, error: { code: 'no-logs', message: 'the folder holds no .log, .txt, .json or .zip file' } }]);
  });
});

describe('zip archives', () => {
  it('reads the log entries of an Azure DevOps-style archive, named archive!entry', async () => {
    const zip = join(tmp.dir, 'logs_4711.zip');
    await writeZip(zip, {
      'Job/1_Initialize job.txt': CLEAN_LOG,
      'Job/4_Link variable group.txt': AZDO,
      'Job/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const r = json([zip]);
    expect(r.status).toBe(1);
    expect(r.items.map((i) => [i.input, rules(i)])).toEqual([
      [`${zip}!Job/1_Initialize job.txt`, []],
      [`${zip}!Job/4_Link variable group.txt`, ['firewall']],
    ]);
  });

  it('finds archives inside folders', async () => {
    await writeZip(join(tmp.dir, 'run.zip'), { '0_build.txt': AZDO });
    const r = json([tmp.dir]);
    expect(r.items.map((i) => i.input)).toEqual([`${join(tmp.dir, 'run.zip')}!0_build.txt`]);
  });

  it('a file that is not a zip is a corrupt archive, and the batch goes on', () => {
    const bad = join(tmp.dir, 'logs.zip');
    writeFileSync(bad, 'this is not a zip archive at all, just text\n');
    const r = json([bad, AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.items[0]).toEqual({ input: bad, error: { code: 'corrupt-zip', message: 'corrupt zip archive (End of central directory record signature not found. Either not a zip file, or file is truncated.)' } });
    expect(rules(r.items[1])).toEqual(['firewall']);
    expect(r.stderr).toBe(`kvdoctor: ${bad}: corrupt zip archive (End of central directory record signature not found. Either not a zip file, or file is truncated.)\n`);
  });

  it('a truncated archive is corrupt', async () => {
    const zip = join(tmp.dir, 'cut.zip');
    await writeZip(zip, { 'a.txt': AZDO });
    writeFileSync(zip, readFileSync(zip).subarray(0, 60));
    const r = json([zip]);
    expect(r.status).toBe(2);
    expect(r.items[0]?.error?.code).toBe('corrupt-zip');
  });

  it('an entry whose data does not match its header fails alone', async () => {
    const zip = join(tmp.dir, 'sizes.zip');
    await writeZip(zip, { 'a.txt': AZDO, 'b.txt': AZDO });
    breakFirstEntrySize(zip);
    const r = json([zip]);
    expect(r.status).toBe(2);
    expect(r.items[0]?.input).toBe(`${zip}!a.txt`);
    expect(r.items[0]?.error?.code).toBe('corrupt-zip');
    expect(r.items[0]?.error?.message).toMatch(/^corrupt zip entry \(/);
    expect(rules(r.items[1])).toEqual(['firewall']);
  });

  it('names a subfolder it cannot read as an input error (exit 2) and reads the rest', () => {
    mkdirSync(join(tmp.dir, 'logs', 'a'), { recursive: true });
    mkdirSync(join(tmp.dir, 'logs', 'locked'));
    writeFileSync(join(tmp.dir, 'logs', 'a', 'job.log'), AZDO);
    writeFileSync(join(tmp.dir, 'logs', 'locked', 'job.log'), AZDO);
    chmodSync(join(tmp.dir, 'logs', 'locked'), 0o000);
    try {
      // As root, without the capabilities that let root read any folder (helpers/cli.ts).
      const r = kvdoctor(['diagnose', '--format', 'json', join(tmp.dir, 'logs')], { permissionsHold: true });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`kvdoctor: ${join(tmp.dir, 'logs', 'locked')}: permission denied\n`);
      expect(JSON.parse(r.stdout).inputs.map((i: Item) => [i.input, i.error ?? rules(i)])).toEqual([
        [join(tmp.dir, 'logs', 'a', 'job.log'), ['firewall']],
        [join(tmp.dir, 'logs', 'locked'), { code: 'unreadable', message: 'permission denied' }],
      ]);
    } finally {
      chmodSync(join(tmp.dir, 'logs', 'locked'), 0o755);
    }
  });

  it('an archive without logs is an input error', async () => {
    const zip = join(tmp.dir, 'pics.zip');
    await writeZip(zip, { 'a.png': Buffer.from([1, 2, 3]) });
    expect(json([zip]).items).toEqual([{ input: zip, error: { code: 'no-logs', message: 'the archive holds no .log, .txt or .json file' } }]);
  });
});

describe('where the caller ran', () => {
  it('names the hosting service in the heading (a CSI driver pod event, from the platforms corpus batch)', () => {
    const entry = readFileSync(join(ROOT, 'test/corpus/platforms.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .find((e) => e.id === 'pna-aks-csi-private-endpoint-other-vnet-ms-troubleshoot');
    const file = join(tmp.dir, 'events.txt');
    writeFileSync(file, entry?.text ?? '');
    const plain = kvdoctor(['diagnose', file]);
    expect(plain.stdout.split('\n')[0]).toBe(`${file}  AKS Secrets Store CSI driver · 11 lines`);
  });
});

describe('encodings and bad files', () => {
  it('refuses binary content', () => {
    const bin = join(tmp.dir, 'core.log');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    const r = json([bin]);
    expect(r.status).toBe(2);
    expect(r.items).toEqual([{ input: bin, error: { code: 'binary', message: 'binary content (NUL bytes in the first 8 KB; UTF-16 is read only with a byte-order mark)' } }]);
  });

  it('reads invalid UTF-8 as Latin-1 (Windows-1252), curly quotes included', () => {
    const latin = Buffer.concat([Buffer.from('Caf\xe9 build \x93agent\x94\n', 'latin1'), Buffer.from(AZDO)]);
    const r = json(['-'], latin);
    expect(r.items[0]?.encoding).toBe('latin1');
    expect(rules(r.items[0])).toEqual(['firewall']);
  });

  it('keeps the findings of a long text that turns binary, and warns that the rest was not read', () => {
    const text = `${CLEAN_LOG.repeat(200)}${AZDO}`;
    const junk = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i % 2 ? 0x01 : 0x81)));
    const file = join(tmp.dir, 'job.log');
    writeFileSync(file, Buffer.concat([Buffer.from(text), junk, Buffer.from(AZDO)]));
    const r = kvdoctor(['diagnose', '--format', 'json', file]);
    expect(r.status).toBe(1);
    const warning = `not UTF-8, UTF-16 or Latin-1 text (control bytes after byte ${text.length}): only the text before it was read`;
    expect(r.stderr).toBe(`kvdoctor: ${file}: ${warning}\n`);
    const [item] = JSON.parse(r.stdout).inputs;
    expect(item.partial).toEqual({ at: text.length, message: warning });
    expect(item.report.findings.map((f: { rule: string; count: number }) => [f.rule, f.count])).toEqual([['firewall', 1]]);
    const plain = kvdoctor(['diagnose', file]);
    expect(plain.status).toBe(1);
    expect(plain.stdout.split('\n')[0]).toBe(`${file}  Azure DevOps · 404 lines · read as Latin-1 (Windows-1252) · read up to byte ${text.length}, binary after it`);
    expect(plain.stdout).toContain(AZDO_AZ_COMMAND);
    // Worker threads hand results back through a schema: the partial read survives it.
    const threaded = kvdoctor(['diagnose', '--format', 'json', '--jobs', '2', file, AZDO_LOG]);
    expect(JSON.parse(threaded.stdout).inputs.map((i: { partial?: unknown }) => i.partial)).toEqual([{ at: text.length, message: warning }, undefined]);
  });

  it('keeps them from standard input too', () => {
    const text = `${CLEAN_LOG.repeat(200)}${AZDO}`;
    const r = json(['-'], Buffer.concat([Buffer.from(text), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 2 ? 0x01 : 0x81)))]));
    expect(r.status).toBe(1);
    expect(rules(r.items[0])).toEqual(['firewall']);
    expect(r.stderr).toBe(`kvdoctor: <stdin>: not UTF-8, UTF-16 or Latin-1 text (control bytes after byte ${text.length}): only the text before it was read\n`);
  });

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(AZDO, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(AZDO, 'utf16le').swap16()])],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AZDO)])],
  ])('reads %s with a byte-order mark', (encoding, bytes) => {
    const file = join(tmp.dir, 'job.log');
    writeFileSync(file, bytes);
    const r = json([file]);
    expect(r.items[0]?.encoding).toBe(encoding);
    expect(rules(r.items[0])).toEqual(['firewall']);
  });

  it('shows escape sequences in file and zip-entry names on stderr as on stdout: replaced, never sent to the terminal', async () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
    const file = join(tmp.dir, 'job\u001b]0;owned\u0007\u001b[2J.log');
    writeFileSync(file, binary);
    const zip = join(tmp.dir, 'logs.zip');
    await writeZip(zip, { 'step\u001b[31m\u009b1m.log': binary });
    const r = kvdoctor(['diagnose', file, zip]);
    expect(r.status).toBe(2);
    const reason = 'binary content (NUL bytes in the first 8 KB; UTF-16 is read only with a byte-order mark)';
    expect(r.stderr).toBe(
      [`kvdoctor: ${join(tmp.dir, 'job\ufffd]0;owned\ufffd\ufffd[2J.log')}: ${reason}`, `kvdoctor: ${join(tmp.dir, 'logs.zip')}!step\ufffd[31m\ufffd1m.log: ${reason}`, ''].join('\n'),
    );
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('names a missing file, goes on with the batch, and exits 2', () => {
    const r = kvdoctor(['diagnose', 'missing.log', AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kvdoctor: missing.log: no such file or folder\n');
    expect(r.stdout).toContain(AZDO_AZ_COMMAND);
  });
});
