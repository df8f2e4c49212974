/**
 * Activities shaped like the ones Teams sends (ids, channelData.tenant, conversation types and the
 * <at> mention entity), with serviceUrl pointing at a local connector.
 */
export const TENANT = '9d2f6b4e-0c57-4a51-8a53-5f2b1a6c7e10';
export const OTHER_TENANT = '0b6c3a8f-5e1d-4f7a-9c2b-d1e0f3a4b5c6';
export const BOT_ID = '28:4d9b2d8e-6f0a-4a3c-9f5e-2b7c1e8a9d00';
const BOT_NAME = 'kvdoctor';
const USER = { id: '29:1JiEH1nLmzqH5YT7Do_1KRCs7ISDxUmVVKPbIzwM1pc', name: 'Dana Engineer', aadObjectId: 'af24b8a2-cfe8-453a-a9b4-4a917b1534ae' };

/** The attachment fields Teams sends (botbuilder's Attachment shape). */
export interface Attachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content?: unknown;
}

let counter = 0;
const nextId = () => `1700000000${String(++counter).padStart(3, '0')}`;

export interface Where {
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly conversationId?: string;
}

function base(where: Where, conversationType: 'personal' | 'channel' | 'groupChat') {
  const tenantId = where.tenantId ?? TENANT;
  return {
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    localTimezone: 'Europe/London',
    from: USER,
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation: { conversationType, tenantId, id: where.conversationId ?? `a:1ktMfOkUqtyhd4ub9GhZwaOdqpjjygWz5IZ-${conversationType}` },
    channelData: { tenant: { id: tenantId } },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
  };
}

export function personalMessage(text: string, where: Where, extra: { id?: string; attachments?: Attachment[] } = {}) {
  return { ...base(where, 'personal'), type: 'message', id: extra.id ?? nextId(), text, textFormat: 'plain', attachments: extra.attachments ?? [] };
}

/** "@kvdoctor <text>" in a channel: Teams puts the mention in the text and in an entity. */
export function channelMention(text: string, where: Where) {
  const b = base(where, 'channel');
  const mention = `<at>${BOT_NAME}</at>`;
  return {
    ...b,
    type: 'message',
    id: nextId(),
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [...b.entities, { type: 'mention', mentioned: { id: BOT_ID, name: BOT_NAME }, text: mention }],
    channelData: { ...b.channelData, teamsChannelId: '19:3f8a2b1c@thread.tacv2', team: { id: '19:3f8a2b1c@thread.tacv2' } },
  };
}

// How Teams formats a pasted log: a paragraph per line, quotes and ampersands as entities
// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages).
export function asTeamsHtml(log: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return log.split('\n').map((line) => `<p>${escape(line)}</p>`).join('');
}

/** A formatted message: Teams sends its HTML as the text and again as a text/html attachment. */
export function formattedMessage(html: string, where: Where) {
  return { ...personalMessage(html, where), attachments: [{ contentType: 'text/html', content: html }] };
}

export function botAdded(where: Where, conversationType: 'personal' | 'channel' | 'groupChat' = 'personal') {
  return { ...base(where, conversationType), type: 'conversationUpdate', id: nextId(), membersAdded: [{ id: BOT_ID }] };
}

/** A message in a group chat (the bot hears it because it was @mentioned; the mention is already off). */
export function groupMessage(text: string, where: Where) {
  return { ...base(where, 'groupChat'), type: 'message', id: nextId(), text, textFormat: 'plain', attachments: [] };
}

/** An Action.Submit click on one of the bot's cards: Teams sends the data and inputs as value. */
export function submitMessage(value: unknown, where: Where, conversationType: 'personal' | 'channel' | 'groupChat' = 'personal') {
  return { ...base(where, conversationType), type: 'message', id: nextId(), value, attachments: [] };
}

export function userAdded(where: Where) {
  return { ...base(where, 'groupChat'), type: 'conversationUpdate', id: nextId(), membersAdded: [{ id: USER.id }] };
}

export function cardInvoke(verb: string, data: unknown, where: Where, replyToId = '1700000000999') {
  return { ...base(where, 'personal'), type: 'invoke', name: 'adaptiveCard/action', id: nextId(), replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

export function fileAttachment(name: string, downloadUrl: string, fileType: string) {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: 'https://contoso-my.sharepoint.com/personal/dana/Documents/Microsoft Teams Chat Files/' + name,
    name,
    content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C', fileType },
  };
}

/** The HTML copy Teams adds to formatted messages; not an attachment the user chose. */
export function htmlEcho(text: string) {
  return { contentType: 'text/html', content: `<div><div>${text}</div></div>` };
}
