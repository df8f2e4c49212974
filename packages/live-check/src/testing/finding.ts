import { diagnose, type Finding } from '@kvdoctor/diagnose';

/** `family`'s finding for a real text; throws when the diagnosis has none, so no check runs on nothing. */
export function findingIn(text: string, family: string): Finding {
  const finding = diagnose(text).findings.find((f) => f.rule === family);
  if (finding === undefined) throw new Error(`no ${family} finding in the text`);
  return finding;
}
