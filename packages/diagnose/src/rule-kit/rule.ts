import type { Confidence, Details, DocLink, Facts, Fix, Platform, Severity } from '../report/schema';
import type { ServiceTagIndex } from '../network/service-tag-index';
import type { Window } from './window';

/** One occurrence of a family's error in a window: where it is and what it says. */
export interface Occurrence {
  /** Index into `window.lines` of the line that identified the error. */
  readonly anchor: number;
  /** Indexes of the first and last logical lines that make up this occurrence's message. */
  readonly from: number;
  readonly to: number;
  readonly facts: Facts;
  readonly details: Details;
  readonly confidence: Confidence;
  /**
   * False when only a weak sign (an inner error code) identified the message. A family that
   * supersedes another drops that family's occurrence on the same line, or a weak one inside its
   * message, but never a separate message of its own nearby.
   */
  readonly strong?: boolean;
}

export interface ExplainInput {
  readonly facts: Facts;
  readonly details: Details;
  readonly platform: Platform;
  /** Imported Azure service tags, when the caller gave them (for prefix counts in network advice). */
  readonly serviceTags?: ServiceTagIndex;
}

export interface Explanation {
  /** The cause in one plain sentence, facts filled in. */
  readonly summary: string;
  readonly causes: readonly string[];
  readonly fixes: readonly Fix[];
}

export interface RuleMeta {
  /** Permanent kebab-case id; a rename keeps the old id in `aliases`. */
  readonly id: string;
  readonly title: string;
  /** What the family means, without any log (used by `explain`). */
  readonly description: string;
  readonly severity: Severity;
  readonly docs: readonly DocLink[];
  /** Version of @kvdoctor/diagnose that introduced the rule. */
  readonly since: string;
  /** Error codes and names (`ForbiddenByFirewall`, `AKV10032`, `AADSTS50027`) that `explain` maps to this family. */
  readonly codes: readonly string[];
  /**
   * Codes of this form are the family's too, beyond those listed (the listed ones get curated
   * advice): `explain` answers for them. Anchored and case-insensitive.
   */
  readonly codeForm?: { readonly pattern: RegExp; readonly description: string };
  readonly aliases?: readonly string[];
  readonly deprecated?: { readonly replacedBy: string };
  /**
   * Families whose finding for the same message this family replaces: a more specific reading of
   * text that also matches a broader family (an NSP denial also carries ForbiddenByFirewall).
   */
  readonly supersedes?: readonly string[];
  /**
   * A wrapper is generic text that tools append to other errors (Azure DevOps' "needs Get, List"):
   * it is reported only when no other family explains the same message.
   */
  readonly wrapper?: boolean;
  /** Sort order among findings: lower comes first (the gate that refused first). */
  readonly rank: number;
  /**
   * The family reads facts from its step's output before the message (azure/login echoes its
   * client-id there; a command names the vault its resolver error does not): the engine hands its
   * rule the lines since the step began, back to the last message that held an error, as
   * `window.lines` before `window.messageStart`.
   */
  readonly stepContext?: boolean;
}

export interface Rule {
  readonly meta: RuleMeta;
  /**
   * Literal, case-sensitive substrings; a log region is examined by this rule only when one occurs.
   * Keep them short and stable so wrapped or re-escaped text still contains one.
   */
  readonly markers: readonly string[];
  match(window: Window): Occurrence[];
  /** Must also work with empty facts (for `kvdoctor explain`): use placeholders then. */
  explain(input: ExplainInput): Explanation;
}
