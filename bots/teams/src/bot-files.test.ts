import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_FIREWALL, TERRAFORM_FIREWALL } from '../test/fixtures/texts';
import { fileAttachment, htmlEcho, personalMessage } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText } from '../test/helpers/cards';
import { EXAMPLE_LOG_BYTES } from '../test/helpers/example-log';
import { harness } from '../test/helpers/harness';
import { startLocalServer, type LocalServer } from '../test/helpers/local-server';
import { makeZip } from '../test/helpers/zip';
import { createDownloader } from './attachments';
import { DEFAULT_LIMITS } from './conversation/limits';

/**
 * Attached files: Teams hands the bot a short-lived download URL; here a real HTTP server on
 * 127.0.0.1 plays SharePoint, serving logs, zips, a picture named .log, errors and a stall.
 */
const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const PNG = readFileSync(join(__dirname, '../appPackage/color.png'));
const AZ = 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38';

let files: LocalServer;
const served = new Map<string, Buffer>();

beforeAll(async () => {
  served.set('/job.log', EXAMPLE_LOG_BYTES);
  served.set('/job-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE_LOG_BYTES.toString('utf8'), 'utf16le')]));
  served.set('/picture.log', PNG);
  served.set(
    '/logs.zip',
    await makeZip([
      { name: 'Link Key Vault variable group/1_Initialize job.txt', data: '2024-05-06T14:02:10.0000000Z ##[section]Starting: Initialize job\n' },
      { name: 'Link Key Vault variable group/3_Link.txt', data: SEED_FIREWALL.text },
      { name: 'terraform/plan.log', data: TERRAFORM_FIREWALL.text, store: true },
      { name: 'screenshot.png', data: PNG },
    ]),
  );
  served.set('/only-pictures.zip', await makeZip([{ name: 'a.png', data: PNG }]));
  files = await startLocalServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (req.url === '/stall.log') return; // never answers: the download must time out
    if (req.url === '/endless.log') {
      // No content-length and more bytes than the cap: the reader must stop on its own.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const line = Buffer.from('2024-05-06T14:02:11.0000000Z still going\n'.repeat(100));
      const pump = () => (res.write(line) ? setImmediate(pump) : res.once('drain', pump));
      pump();
      res.on('close', () => undefined);
      return;
    }
    // Not chained: restify, loaded by other suites in this worker, patches writeHead to return nothing.
    if (body === undefined) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
});

afterAll(() => files.close());

function attach(name: string, path: string, fileType: string) {
  return personalMessage('', where, { attachments: [fileAttachment(name, `${files.url}${path}`, fileType)] });
}

async function answerTo(activity: ReturnType<typeof personalMessage>, limits = DEFAULT_LIMITS) {
  const bot = harness({ limits });
  const replies = await bot.send(activity);
  expect(replies[0]?.type).toBe('typing');
  return { replies: replies.slice(1), bot };
}

describe('attached files', () => {
  it('downloads a .log and answers with the finding, typing first', async () => {
    const { replies } = await answerTo(attach('job.log', '/job.log', 'log'));
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(AZ);
    expect(cardText(card)).toContain('job.log: 3');
  });

  it('reads a UTF-16 .txt as Windows PowerShell writes it', async () => {
    const { replies } = await answerTo(attach('job-utf16.txt', '/job-utf16.txt', 'txt'));
    expect(cardText(cardOf(replies[0]))).toContain(AZ);
  });

  it('reads the .log and .txt entries of a zip, one summary section per finding, and lists what it skipped', async () => {
    const { replies } = await answerTo(attach('logs.zip', '/logs.zip', 'zip'));
    const card = cardOf(replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('2 Key Vault refusals found');
    expect(shown).toContain('logs.zip/Link Key Vault variable group/3_Link.txt: 1');
    expect(shown).toContain('logs.zip/terraform/plan.log: 1');
    expect(shown).toContain(AZ);
    expect(shown).toContain('az keyvault network-rule add --name XXX-keyvault-prod --ip-address <client-ip>');
    expect(shown).toContain('logs.zip: skipped screenshot.png (only .log and .txt entries are read).');
  });

  it('refuses a .log that is really a picture', async () => {
    const { replies } = await answerTo(attach('job.log', '/picture.log', 'log'));
    expect(replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- job.log: the file is not text (it looks binary).']);
  });

  it('refuses a zip without logs', async () => {
    const { replies } = await answerTo(attach('pictures.zip', '/only-pictures.zip', 'zip'));
    expect(replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- pictures.zip: the zip holds no .log or .txt file.']);
  });

  it('refuses a file type it does not read, without downloading it', async () => {
    const before = files.requests.length;
    const { replies } = await answerTo(attach('diagram.png', '/picture.log', 'png'));
    expect(replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- diagram.png: only .log, .txt and .zip files are read.']);
    expect(files.requests.length).toBe(before);
  });

  it('answers a failed download clearly, without the link', async () => {
    const { replies, bot } = await answerTo(attach('gone.log', '/gone.log', 'log'));
    expect(replies.map((r) => r.text)).toEqual([
      'I could not read the attached file:\n\n- gone.log: the download failed with HTTP 404 (Teams file links expire after a while: send the file again).',
    ]);
    expect(JSON.stringify(bot.logger.events)).not.toContain(files.url);
  });

  it('gives up on a download that stalls, within the timeout', async () => {
    const started = Date.now();
    const { replies } = await answerTo(attach('stall.log', '/stall.log', 'log'), { ...DEFAULT_LIMITS, downloadTimeoutMs: 300 });
    expect(replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- stall.log: the download took longer than 0.3 s.']);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops a download at the size cap, declared or not', async () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 2048 };
    const declared = await answerTo(attach('job.log', '/logs.zip', 'log'), { ...limits, maxFileBytes: 1024 });
    expect(declared.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I could not read the attached file:\n\n- job\.log: the file is \d+(\.\d)? KB; at most 1 KB is read\.$/)]);
    const streamed = await answerTo(attach('endless.log', '/endless.log', 'log'), limits);
    expect(streamed.replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- endless.log: the file is larger than 2 KB, the most that is read.']);
  });

  it('refuses a plain-http link when http is not allowed (production)', async () => {
    const bot = harness({ download: createDownloader({ allowHttp: false }) });
    const replies = (await bot.send(attach('job.log', '/job.log', 'log'))).slice(1);
    expect(replies.map((r) => r.text)).toEqual(['I could not read the attached file:\n\n- job.log: the file link is not https, so it was not opened.']);
  });

  it('ignores the text/html copy Teams adds, and says which other attachments it cannot read', async () => {
    const bot = harness();
    const image = { contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/0-eus-d4-1/views/original', name: 'screenshot.png' };
    const replies = await bot.send(personalMessage('', where, { attachments: [htmlEcho('hi'), image] }));
    expect(replies.map((r) => r.text)).toEqual([
      'I can read pasted text and .log, .txt or .zip files, but not screenshot.png. Paste the log text, or attach it here as a .log, .txt or .zip file.',
    ]);
  });
});
