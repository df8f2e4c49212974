import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import { readAttachments } from './attachments';
import { onCardAction } from './conversation/on-card-action';
import { onInstalled } from './conversation/on-install';
import { onMessage } from './conversation/on-message';
import { scopeOf } from './conversation/scope';
import type { ConversationDeps, Reply, Responder } from './conversation/types';
import { activityKey, Dedupe, type StoreLike } from './dedupe';
import { errorKind, type Logger } from './logger';

export interface BotDeps extends ConversationDeps {
  /** botbuilder's Storage (MemoryStorage, Cosmos DB, Blob) or the cluster's shared store. */
  readonly storage: StoreLike;
  readonly logger: Logger;
  readonly now: () => Date;
}

const TeamsChannelDataSchema = z.object({ tenant: z.object({ id: z.string() }) });

/** Teams puts the tenant on the conversation and in channelData; either will do. */
function tenantOf(activity: Activity): string | undefined {
  const fromChannelData = TeamsChannelDataSchema.safeParse(activity.channelData);
  return activity.conversation?.tenantId ?? (fromChannelData.success ? fromChannelData.data.tenant.id : undefined);
}

function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  return { type: ActivityTypes.Message, summary: reply.summary, attachments: [CardFactory.adaptiveCard(reply.card)] };
}

function responder(context: TurnContext): Responder {
  return {
    typing: async () => {
      await context.sendActivity({ type: ActivityTypes.Typing });
    },
    send: async (replies) => {
      await context.sendActivities(replies.map(toActivity));
    },
  };
}

/** Teams shows this text by the clicked button and leaves the card as it is. */
function messageResponse(message: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message } };
}

/**
 * The Teams handler: turns activities into conversation calls and replies into activities.
 * Everything it decides is in conversation/; this file is the botbuilder edge.
 */
export class KvdoctorBot extends TeamsActivityHandler {
  private readonly dedupe: Dedupe;

  constructor(private readonly deps: BotDeps) {
    super();
    this.dedupe = new Dedupe(deps.storage);

    this.onMessage(async (context, next) => {
      const { activity } = context;
      const started = Date.now();
      if (activity.id !== undefined && !(await this.dedupe.firstTime(activityKey(activity.channelId, activity.conversation.id, activity.id)))) {
        deps.logger.info('message.duplicate', { conversationType: activity.conversation.conversationType });
        return next();
      }
      // "@kvdoctor <paste>" in a channel: the mention is not part of the log.
      const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
      const attachments = readAttachments(activity.attachments);
      const scope = scopeOf(activity.conversation.conversationType);
      await onMessage({ text, attachments, tenantId: tenantOf(activity), scope, value: activity.value }, deps, responder(context), deps.now);
      deps.logger.info('message.answered', {
        conversationType: activity.conversation.conversationType,
        textBytes: Buffer.byteLength(text, 'utf8'),
        attachments: attachments.length,
        ms: Date.now() - started,
      });
      return next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.recipient.id)) {
        await responder(context).send(onInstalled(tenantOf(context.activity), scopeOf(context.activity.conversation.conversationType), deps));
        deps.logger.info('welcome.sent', { conversationType: context.activity.conversation.conversationType });
      }
      return next();
    });
  }

  /** Action.Execute arrives as an `adaptiveCard/action` invoke and must be answered in this turn. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const started = Date.now();
    const result = await onCardAction(context.activity.value, tenantOf(context.activity), this.deps, this.deps.now);
    if (result.kind === 'error') {
      this.deps.logger.info('card-action.rejected', { code: result.code });
      return { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: result.message } } };
    }
    if (result.kind === 'note') {
      this.deps.logger.info('card-action.noted', { ms: Date.now() - started });
      return messageResponse(result.message);
    }
    // The verdict is the vault's, for everyone in the chat: a new message under the diagnosis,
    // which stays as it was (an invoke response of type card would replace it).
    try {
      await responder(context).send([{ kind: 'card', card: result.card, summary: result.summary }]);
    } catch (err) {
      this.deps.logger.error('card-action.post-failed', { kind: errorKind(err) });
      return messageResponse('The live check ran, but its result could not be posted to this chat; try again.');
    }
    this.deps.logger.info('card-action.answered', { ms: Date.now() - started });
    return messageResponse(result.note);
  }
}
