import type { Details, Facts, ServiceTagIndex } from '@kvdoctor/diagnose';
import type { AdaptiveCard } from '../cards/adaptive';
import type { Limits } from './limits';
import type { Scope } from './scope';

/**
 * What the conversation layer sees and says, with no Bot Framework types: bot.ts translates
 * activities into these and these into activities (the Agents SDK swap touches only that file).
 */
export type Reply = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'card'; readonly card: AdaptiveCard; readonly summary: string };

export interface Responder {
  /** Shows "kvdoctor is typing…" before slow work (a download, a big paste). */
  typing(): Promise<void>;
  send(replies: readonly Reply[]): Promise<void>;
}

/** A Teams file attachment, or something else the user attached. */
export type IncomingAttachment =
  | { readonly kind: 'file'; readonly name: string; readonly downloadUrl: string; readonly fileType: string | undefined }
  | { readonly kind: 'other'; readonly name: string | undefined; readonly contentType: string };

export interface IncomingMessage {
  /** The text with any @mention of the bot removed. */
  readonly text: string;
  readonly attachments: readonly IncomingAttachment[];
  readonly tenantId: string | undefined;
  readonly scope: Scope;
  /** An Action.Submit's data (the welcome card's buttons); outside data, parsed where used. */
  readonly value: unknown;
}

export type LiveVerdictStatus = 'pass' | 'fail' | 'unknown';

export interface LiveVerdict {
  readonly check: string;
  readonly status: LiveVerdictStatus;
  /** What the vault's configuration shows, in one sentence. */
  readonly evidence: string;
  readonly command?: string;
}

export type LiveCheckErrorCode = 'not-allowed' | 'no-credentials' | 'forbidden' | 'not-found' | 'throttled' | 'timeout' | 'failed';

export type LiveCheckOutcome =
  | {
      readonly ok: true;
      readonly vault: string;
      readonly verdicts: readonly LiveVerdict[];
      /** Reads that failed while the rest succeeded (their verdicts say unknown). */
      readonly notes?: readonly string[];
    }
  | { readonly ok: false; readonly error: { readonly code: LiveCheckErrorCode; readonly message: string } };

export interface LiveCheckRequest {
  readonly vault: string;
  /** The family the finding belongs to; absent for a typed `check <vault>`. */
  readonly family: string | undefined;
  readonly facts: Facts;
  readonly details: Details;
  readonly signal: AbortSignal;
}

/** Reads a vault's real configuration and assesses the finding against it (the live-check package). */
export type LiveChecker = (request: LiveCheckRequest) => Promise<LiveCheckOutcome>;

export type DownloadOutcome =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly error: { readonly code: 'too-large' | 'timeout' | 'http-status' | 'network' | 'insecure-url'; readonly message: string } };

export type Downloader = (url: string, limits: Limits) => Promise<DownloadOutcome>;

export interface ConversationDeps {
  readonly limits: Limits;
  /** Empty allows every tenant (local mode only; config refuses that with an app id). */
  readonly allowedTenants: readonly string[];
  readonly download: Downloader;
  /** Undefined when no subscription is configured: the card shows no live-check button. */
  readonly liveCheck: LiveChecker | undefined;
  /** Names the Azure region and service behind a refused address (the shipped snapshot, read on first use). */
  readonly serviceTags: ServiceTagIndex | undefined;
}
