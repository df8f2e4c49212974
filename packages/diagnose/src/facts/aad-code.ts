const AADSTS = /\bAADSTS(\d{5,7})\b/;

/** The first AADSTS code in the text, as `AADSTS50027`. */
export function extractAadCode(text: string): string | undefined {
  const code = AADSTS.exec(text)?.[1];
  return code === undefined ? undefined : `AADSTS${code}`;
}
