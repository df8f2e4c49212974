import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, buildCli, CLEAN_LOG, kvdoctor, ROOT, tempDir } from './helpers/cli';
import { writeZip } from './helpers/zip';

beforeAll(buildCli, 120_000);

/** The example job log (https://github.com/Azure/login/issues/453), without kvdoctor's `#` header. */
const JOB = readFileSync(join(ROOT, 'examples', 'github-actions-oidc-subject.log'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join('\n');
const LINES = JOB.split('\n');
const from = (marker: string): number => LINES.findIndex((line) => line.includes(marker));
/** The same job cut into GitHub's per-step files, as the archive's job folder holds it. */
const STEPS = {
  '1_Set up job.txt': LINES.slice(0, from('##[group]Run azure/login@v2')).join('\n'),
  '2_Run azure login.txt': LINES.slice(from('##[group]Run azure/login@v2'), from('Post job cleanup.')).join('\n'),
  '3_Complete job.txt': LINES.slice(from('Post job cleanup.')).join('\n'),
};
const SET_UP_ONLY = `${STEPS['1_Set up job.txt']}\n`;

/** A run-log archive as GitHub hands it out: `N_<job>.txt` at the root, then `<job>/N_<step>.txt`. */
function githubArchive(jobs: Readonly<Record<string, { whole?: string; steps?: Readonly<Record<string, string>> }>>): Record<string, string> {
  const entries: Record<string, string> = {};
  Object.entries(jobs).forEach(([job, { whole, steps }], n) => {
    if (whole !== undefined) entries[`${n}_${job}.txt`] = whole;
    for (const [step, text] of Object.entries(steps ?? {})) entries[`${job}/${step}`] = text;
  });
  return entries;
}

interface Item {
  input: string;
  report?: { findings: { rule: string; count: number }[] };
  error?: { code: string };
}

function json(zip: string): { status: number | null; items: [string, [string, number][] | undefined][] } {
  const r = kvdoctor(['diagnose', '--format', 'json', zip]);
  const items: Item[] = JSON.parse(r.stdout).inputs;
  return { status: r.status, items: items.map((i) => [i.input, i.report?.findings.map((f) => [f.rule, f.count])]) };
}

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('GitHub Actions run-log archives', () => {
  it('reads each job once, from its whole-job log, not again from its step files', async () => {
    const zip = join(tmp.dir, 'logs_25471.zip');
    await writeZip(zip, githubArchive({ build: { whole: JOB, steps: STEPS }, deploy: { whole: JOB, steps: STEPS } }));
    expect(json(zip)).toEqual({
      status: 1,
      items: [
        [`${zip}!0_build.txt`, [['aad', 1]]],
        [`${zip}!1_deploy.txt`, [['aad', 1]]],
      ],
    });
  });

  it('counts each finding once in the summary', async () => {
    const zip = join(tmp.dir, 'logs_25471.zip');
    await writeZip(zip, githubArchive({ build: { whole: JOB, steps: STEPS }, deploy: { whole: SET_UP_ONLY, steps: { '1_Set up job.txt': SET_UP_ONLY } } }));
    const r = kvdoctor(['diagnose', zip]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  2 inputs: 1 with findings, 1 with none, 0 could not be read\n');
    expect(r.stdout).toMatch(/\n {2}aad {5}1 {7}1 {12}Microsoft Entra ID refused to issue a token\n/);
  });

  it('a clean run is clean once per job and exits 0', async () => {
    const zip = join(tmp.dir, 'logs_25472.zip');
    await writeZip(zip, githubArchive({ build: { whole: SET_UP_ONLY, steps: { '1_Set up job.txt': SET_UP_ONLY } } }));
    expect(json(zip)).toEqual({ status: 0, items: [[`${zip}!0_build.txt`, []]] });
  });

  it('keeps the step files of a job whose whole-job log is missing', async () => {
    const zip = join(tmp.dir, 'logs_25473.zip');
    const entries = githubArchive({ build: { whole: JOB, steps: STEPS }, deploy: { steps: STEPS } });
    await writeZip(zip, entries);
    expect(json(zip)).toEqual({
      status: 1,
      items: [
        [`${zip}!0_build.txt`, [['aad', 1]]],
        [`${zip}!deploy/1_Set up job.txt`, []],
        [`${zip}!deploy/2_Run azure login.txt`, [['aad', 1]]],
        [`${zip}!deploy/3_Complete job.txt`, []],
      ],
    });
  });

  it('reads an Azure DevOps archive (folders of task logs, no whole-job copies) entry by entry, as before', async () => {
    const azdo = readFileSync(join(ROOT, AZDO_LOG), 'utf8');
    const zip = join(tmp.dir, 'logs_4711.zip');
    await writeZip(zip, {
      'Build/1_Initialize job.txt': CLEAN_LOG,
      'Build/4_Link variable group.txt': azdo,
      'Deploy/1_Initialize job.txt': CLEAN_LOG,
      'Deploy/4_Link variable group.txt': azdo,
    });
    expect(json(zip)).toEqual({
      status: 1,
      items: [
        [`${zip}!Build/1_Initialize job.txt`, []],
        [`${zip}!Build/4_Link variable group.txt`, [['firewall', 1]]],
        [`${zip}!Deploy/1_Initialize job.txt`, []],
        [`${zip}!Deploy/4_Link variable group.txt`, [['firewall', 1]]],
      ],
    });
  });
});
