/** The live check's functions, or why they cannot run here. */
export type LiveCheckModule = typeof import('@kvdoctor/live-check');
export type LoadedLiveCheck = { ok: true; live: LiveCheckModule } | { ok: false; message: string };

const MISSING_AZURE_MODULE = /^Cannot find module '(@azure\/[a-z0-9-]+)'/;

/**
 * Loads the live check when `check` is about to read Azure, and only then: the Azure SDK behind it
 * is the published CLI's optionalDependencies (~145 MB that no other command needs), so an install
 * with --omit=optional, or one where they failed to install, has none. That is an answer, not a crash.
 * The message names the missing package only (Node's own lists the paths it searched).
 */
export async function loadLiveCheck(load: () => Promise<LiveCheckModule> = () => import('@kvdoctor/live-check')): Promise<LoadedLiveCheck> {
  try {
    return { ok: true, live: await load() };
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'MODULE_NOT_FOUND' ? MISSING_AZURE_MODULE.exec(error.message)?.[1] : undefined;
    if (missing === undefined) throw error;
    return {
      ok: false,
      message: `a live check needs the Azure SDK, an optional part of kvdoctor that is not installed here (${missing} is missing): install kvdoctor without --omit=optional, or check offline with --from-az-json <output of az keyvault show>`,
    };
  }
}
