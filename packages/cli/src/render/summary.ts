import type { InputResult } from '../inputs/result';

export interface FamilyCount {
  readonly rule: string;
  readonly title: string;
  /** Inputs in which the family was found. */
  readonly inputs: number;
  /** Occurrences over all inputs (a finding counts its repeats). */
  readonly occurrences: number;
}

export interface Summary {
  readonly inputs: number;
  readonly withFindings: number;
  readonly families: readonly FamilyCount[];
  readonly clean: readonly string[];
  readonly unreadable: readonly { readonly input: string; readonly message: string }[];
}

/** A summary is printed for runs of more than one input. */
export function wantsSummary(results: readonly InputResult[]): boolean {
  return results.length > 1;
}

export function summarise(results: readonly InputResult[]): Summary {
  const families = new Map<string, { title: string; inputs: number; occurrences: number }>();
  const clean: string[] = [];
  const unreadable: { input: string; message: string }[] = [];
  let withFindings = 0;
  for (const r of results) {
    if (!r.ok) {
      unreadable.push({ input: r.input, message: r.error.message });
      continue;
    }
    if (r.report.findings.length === 0) {
      clean.push(r.input);
      continue;
    }
    withFindings++;
    for (const f of r.report.findings) {
      const entry = families.get(f.rule) ?? { title: f.title, inputs: 0, occurrences: 0 };
      entry.inputs++;
      entry.occurrences += f.count;
      families.set(f.rule, entry);
    }
  }
  return {
    inputs: results.length,
    withFindings,
    families: [...families].map(([rule, e]) => ({ rule, ...e })).sort((a, b) => b.inputs - a.inputs || (a.rule < b.rule ? -1 : 1)),
    clean,
    unreadable,
  };
}

/** Long lists of names are cut here, with a count of the rest. */
export const LIST_LIMIT = 50;

export function limited<T>(items: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) };
}
