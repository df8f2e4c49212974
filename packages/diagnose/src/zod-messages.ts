import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod/mini (the library's schemas use it so a bundler keeps only the checks they need) loads no
 * locale: every issue would read "Invalid input". Classic zod registers English on first use unless
 * a locale is set; this does the same, so an app's own `z.config(z.locales.xx())` still wins.
 * Each file that builds schemas calls it at its top level: with `"sideEffects": false` a bundler
 * drops a module imported only for its effect, but never a statement of a module it keeps.
 */
export function ensureEnglishMessages(): void {
  if (z.config().localeError === undefined) z.config(en());
}
