import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Commander's option values → typed flags; the first problem becomes one line naming the flag. */
export function parseFlags<S extends z.ZodType>(schema: S, raw: unknown, names: Readonly<Record<string, string>>): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const name = names[key] ?? (key || 'options');
  return { ok: false, message: `${name}: ${issue?.message ?? 'invalid value'}` };
}
