/**
 * GitHub Actions run-log archives ("Download log archive", `gh run view --log`, REST "download
 * workflow run logs") hold every job twice: a whole-job log `3_build.txt` next to a folder
 * `build/` with one `N_<step>.txt` per step (and a `system.txt`). Read both and every finding is
 * counted twice.
 *
 * We keep the whole-job file and drop the step files, rather than the other way round, because:
 * - GitHub sometimes ships archives whose job folder holds only `system.txt`, no step files
 *   (cli/cli#10551); the whole-job log is the copy that is always there and always complete;
 * - one job is one input, so an error a job repeats in several steps is one finding with its
 *   count, and rules see the steps before it (the login that failed before the Key Vault step).
 * The step names the folder would have given are still in the log: GitHub writes `##[group]Run …`.
 *
 * A step file is dropped only when its own job's whole log sits in the same folder of the archive,
 * so archives of any other shape (Azure DevOps: folders of per-task logs, no whole-job copies) and
 * jobs whose names GitHub sanitised differently in the two places are read in full, as before.
 */
const JOB_LOG = /^\d+_(.+)\.txt$/;
const STEP_LOG = /^\d+_.+\.txt$/;

function split(name: string): { dir: string; base: string } {
  const slash = name.lastIndexOf('/');
  return { dir: name.slice(0, slash + 1), base: name.slice(slash + 1) };
}

/** The entries (archive paths, `/`-separated) that repeat a whole-job log of the same archive. */
export function githubStepDuplicates(names: readonly string[]): Set<string> {
  // "<dir><job>/" for every whole-job log "<dir><n>_<job>.txt".
  const jobFolders = new Set<string>();
  for (const name of names) {
    const { dir, base } = split(name);
    const job = JOB_LOG.exec(base)?.[1];
    if (job !== undefined) jobFolders.add(`${dir}${job}/`);
  }
  const duplicates = new Set<string>();
  if (jobFolders.size === 0) return duplicates;
  for (const name of names) {
    const { dir, base } = split(name);
    if (jobFolders.has(dir) && STEP_LOG.test(base)) duplicates.add(name);
  }
  return duplicates;
}
