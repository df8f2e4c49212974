import { loadLiveCheck, type LiveCheckModule } from '../src/commands/load-live-check';

/** The error Node's require throws for a package that is not installed (its message also lists the paths searched). */
function notFound(specifier: string): Error {
  return Object.assign(new Error(`Cannot find module '${specifier}'\nRequire stack:\n- /usr/lib/node_modules/@kvdoctor/cli/dist/kvdoctor.bundle.cjs`), { code: 'MODULE_NOT_FOUND' });
}

describe('loadLiveCheck', () => {
  it('gives the live check when the Azure SDK loads', async () => {
    const live = { liveCheck: jest.fn(), defaultCredential: jest.fn() } as unknown as LiveCheckModule;
    await expect(loadLiveCheck(async () => live)).resolves.toEqual({ ok: true, live });
  });

  it('says which optional Azure package is missing and what to do, without the paths Node searched', async () => {
    await expect(loadLiveCheck(() => Promise.reject(notFound('@azure/arm-keyvault')))).resolves.toEqual({
      ok: false,
      message:
        'a live check needs the Azure SDK, an optional part of kvdoctor that is not installed here (@azure/arm-keyvault is missing): install kvdoctor without --omit=optional, or check offline with --from-az-json <output of az keyvault show>',
    });
  });

  it('rethrows anything else: a missing module of its own is a broken install, not a missing option', async () => {
    const own = notFound('./kvdoctor-worker.cjs');
    await expect(loadLiveCheck(() => Promise.reject(own))).rejects.toBe(own);
    const bug = new TypeError('x is not a function');
    await expect(loadLiveCheck(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
