import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type Activity,
  type InvokeResponse,
  type TurnContext,
  type ActivityHandler,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { z } from 'zod';
import type { AuthConfig } from './config';
import type { StoreLike } from './dedupe';
import { errorKind, type Logger } from './logger';
import { channelOf, parseJson } from './request-body';

/**
 * The Bot Framework edge: authentication, turn processing and the last-resort error handler. It
 * answers HTTP in plain terms ({status, body}) so server.ts knows nothing of botbuilder; moving
 * to the Microsoft 365 Agents SDK replaces this file and bot.ts only.
 */
export interface HttpAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** The request body as text, unparsed: the token is checked before the body is trusted to be JSON. */
export type ActivityEndpoint = (body: string, authorization: string | undefined) => Promise<HttpAnswer>;

/**
 * The fields every activity needs before a turn can run (a reply goes to serviceUrl +
 * conversation). Bodies missing them get a 400 naming the field, not a stack trace.
 */
const ActivityShapeSchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string() }),
  recipient: z.looseObject({ id: z.string() }),
  id: z.string().optional(),
  text: z.string().optional(),
  attachments: z.array(z.unknown()).optional(),
});

/**
 * The named assertion house rule 6 asks for: only a body that passed the schema is an Activity.
 */
function isActivity(body: unknown): body is Activity {
  return ActivityShapeSchema.safeParse(body).success;
}

function firstProblem(body: unknown): string {
  const issue = ActivityShapeSchema.safeParse(body).error?.issues[0];
  return issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
}

/** CloudAdapter with its turn entry point public, so HTTP stays in server.ts and errors stay typed. */
export class BotAdapter extends CloudAdapter {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly anonymous: boolean,
  ) {
    super(authentication);
  }

  /**
   * The token alone, before the body is parsed: its signature, issuer, audience, lifetime and the
   * channel's endorsement of the signing key. runTurn checks it again with the activity (the
   * serviceUrl claim). Anonymous mode has no token to check.
   */
  async authenticateHeader(authorization: string, channelId: string): Promise<void> {
    if (this.anonymous) return;
    await this.botFrameworkAuthentication.authenticateStreamingRequest(authorization, channelId);
  }

  runTurn(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** Extra authentication settings; tests point the token issuer's metadata at a local server. */
export type AuthOverrides = Pick<ConfigurationBotFrameworkAuthenticationOptions, 'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer'>;

export function createAdapter(auth: AuthConfig, logger: Logger, overrides: AuthOverrides = {}): BotAdapter {
  // No app id: botbuilder's anonymous mode, for local runs and the Agents Playground.
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    auth.mode === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppType: auth.appType,
          MicrosoftAppTenantId: auth.tenantId,
          MicrosoftAppPassword: auth.password,
          CertificateThumbprint: auth.certificate?.thumbprint,
          CertificatePrivateKey: auth.certificate?.privateKey,
          ...overrides,
        };
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(options), auth.mode === 'anonymous');
  adapter.onTurnError = async (context, error) => {
    // The message may quote the paste; log its kind only. Telling the user must not throw either.
    logger.error('turn.failed', { kind: errorKind(error), activityType: context.activity.type });
    try {
      if (context.activity.type === 'message') {
        await context.sendActivity('Something went wrong on my side while answering that. Please try again; if it keeps failing, attach the log as a file.');
      }
    } catch (sendError) {
      logger.error('turn.error-reply-failed', { kind: errorKind(sendError) });
    }
  };
  return adapter;
}

/** botbuilder's in-memory Storage: right for one process; workers share the primary's. */
export function defaultStorage(): StoreLike {
  return new MemoryStorage();
}

const StatusCodeSchema = z.object({ statusCode: z.number() });
/** jsonwebtoken's errors for a bad signature, an expired or a not-yet-valid token: botbuilder rethrows them as is. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function unauthorized(err: unknown): boolean {
  const status = StatusCodeSchema.safeParse(err);
  return (status.success && status.data.statusCode === 401) || (err instanceof Error && JWT_ERRORS.has(err.name));
}

const UNAUTHORIZED: HttpAnswer = { status: 401, body: { error: { code: 'unauthorized', message: 'the request is not authenticated for this bot' } } };
const INTERNAL: HttpAnswer = { status: 500, body: { error: { code: 'internal', message: 'the bot could not process this activity' } } };

function malformed(problem: string): HttpAnswer {
  return { status: 400, body: { error: { code: 'malformed-activity', message: `not a Bot Framework activity: ${problem}` } } };
}

export function createActivityEndpoint(adapter: BotAdapter, bot: ActivityHandler, logger: Logger): ActivityEndpoint {
  return async (text, authorization) => {
    // Authentication first: a caller without a valid token learns nothing about what a valid body is.
    const json = parseJson(text);
    try {
      await adapter.authenticateHeader(authorization ?? '', channelOf(json));
    } catch (err) {
      if (unauthorized(err)) {
        logger.info('request.unauthorized', { kind: errorKind(err) });
        return UNAUTHORIZED;
      }
      // Authentication that could not complete (the token keys unreachable).
      logger.error('request.auth-failed', { kind: errorKind(err) });
      return INTERNAL;
    }
    if (!json.ok) return malformed('the body is not JSON');
    const body = json.value;
    if (!isActivity(body)) return malformed(`${firstProblem(body)} is missing or invalid`);
    let started = false;
    try {
      const invoke = await adapter.runTurn(authorization ?? '', body, async (context) => {
        started = true;
        await bot.run(context);
      });
      return { status: invoke?.status ?? 200, body: invoke?.body };
    } catch (err) {
      if (!started && unauthorized(err)) {
        // A token valid on its own but not for this activity (another serviceUrl): nothing ran.
        logger.info('request.unauthorized', { kind: errorKind(err) });
        return UNAUTHORIZED;
      }
      logger.error(started ? 'request.failed' : 'request.auth-failed', { kind: errorKind(err) });
      return INTERNAL;
    }
  };
}
