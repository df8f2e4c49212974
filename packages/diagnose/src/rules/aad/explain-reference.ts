import type { Facts, Fix } from '../../report/schema';
import type { Explanation } from '../../rule-kit/rule';
import { REFERENCE_CODES, REFERENCE_DATE, REFERENCE_PAGE } from './reference-codes';

/** Entra's own page for one code, with its current description, causes and fixes. */
function lookupUrl(code: string): string {
  return `https://login.microsoftonline.com/error?code=${code.slice('AADSTS'.length)}`;
}

function lookupFix(code: string, facts: Facts): Fix {
  const where = facts.correlationId !== undefined ? `by its correlation id ${facts.correlationId}` : 'by its time and app id';
  return {
    title: `Look up ${code} on Entra's error page`,
    steps: [
      `Open ${lookupUrl(code)} for Entra's current description of the code, its causes and fixes.`,
      `Find the failed sign-in in the Microsoft Entra admin center (Monitoring & health > Sign-in logs, Service principal sign-ins for a pipeline) ${where}: its failure reason names the setting to change.`,
    ],
    commands: [],
  };
}

/**
 * A code without curated advice: Entra's published meaning (the bundled reference), the caller the
 * message names, and where to read more. Codes newer than the bundled copy say so.
 */
export function explainReferenceCode(code: string, facts: Facts): Explanation {
  const ref = REFERENCE_CODES.get(code);
  const who = facts.appId !== undefined ? `app ${facts.appId}` : "the pipeline's identity";
  const where = facts.tenantId !== undefined ? ` in tenant ${facts.tenantId}` : '';
  const label = ref?.name !== undefined ? `${code}: ${ref.name}` : code;
  const head = `Microsoft Entra ID refused to issue a token to ${who}${where} (${label}), so Key Vault was never called`;
  if (ref === undefined) {
    return {
      summary: `${head}. The code is not in Entra's published reference of ${REFERENCE_DATE}: ${lookupUrl(code)} has its meaning.`,
      causes: [`${code} is newer than, or missing from, Entra's error-code reference (${REFERENCE_PAGE}, ${REFERENCE_DATE}); Entra's error page describes it.`],
      fixes: [lookupFix(code, facts)],
    };
  }
  if (ref.meaning === '') {
    return {
      summary: `${head}. Entra's reference gives the code a name but no description.`,
      causes: [`Entra's reference (${REFERENCE_DATE}) names ${label} and describes it no further; Entra's error page may say more.`],
      fixes: [lookupFix(code, facts)],
    };
  }
  return {
    summary: `${head}. Entra's reference: ${ref.meaning}`,
    causes: [`Entra's reference (${REFERENCE_DATE}) for ${label}: ${ref.meaning}`],
    fixes: [lookupFix(code, facts)],
  };
}
