import { redact } from '@kvdoctor/diagnose';
import { submittedCommandText } from '../actions';
import { fileKind, fileTexts } from '../file-text';
import { answer } from './answer';
import { parseCommand } from './commands';
import { diagnoseText, type Diagnosed } from './diagnose-text';
import { messageText } from './message-text';
import { runCommand } from './run-command';
import { attachHint, type Scope } from './scope';
import { smallTalk, smallTalkReply } from './small-talk';
import { refusal, tenantAllowed } from './tenants';
import type { ConversationDeps, IncomingAttachment, IncomingMessage, Responder } from './types';

const MAX_FILES = 5;

export const EMPTY_MESSAGE =
  'I got an empty message. Paste the failed step\'s log, attach it as a .log, .txt or .zip file, or send "help".';

function unreadable(others: readonly IncomingAttachment[], scope: Scope): string {
  const what = others.map((o) => (o.kind === 'other' ? redact(o.name ?? o.contentType).text : o.name)).join(', ');
  return `I can read pasted text and .log, .txt or .zip files, but not ${what}. Paste the log text, or ${attachHint(scope)}.`;
}

function skippedNotice(name: string, skipped: readonly string[]): string {
  const shown = skipped.slice(0, 5).join(', ');
  const more = skipped.length > 5 ? ` and ${skipped.length - 5} more` : '';
  return `${name}: skipped ${shown}${more} (only .log and .txt entries are read).`;
}

async function readFiles(files: readonly Extract<IncomingAttachment, { kind: 'file' }>[], deps: ConversationDeps) {
  const notices: string[] = [];
  const diagnosed: Diagnosed[] = [];
  for (const f of files.slice(0, MAX_FILES)) {
    const shown = redact(f.name).text;
    // Teams names the file; its fileType ("log", "zip") covers a name without an extension.
    const name = fileKind(f.name) === undefined && f.fileType !== undefined ? `${f.name}.${f.fileType}` : f.name;
    if (fileKind(name) === undefined) {
      notices.push(`${shown}: only .log, .txt and .zip files are read.`);
      continue;
    }
    const download = await deps.download(f.downloadUrl, deps.limits);
    if (!download.ok) {
      notices.push(`${shown}: ${download.error.message}.`);
      continue;
    }
    const texts = fileTexts(name, download.bytes, deps.limits);
    if (!texts.ok) {
      notices.push(`${shown}: ${texts.error.message}.`);
      continue;
    }
    if (texts.skipped.length > 0) notices.push(skippedNotice(shown, texts.skipped));
    for (const t of texts.texts) diagnosed.push(diagnoseText(redact(t.name).text, t.text, undefined, deps.serviceTags));
  }
  if (files.length > MAX_FILES) notices.push(`Only the first ${MAX_FILES} files were read.`);
  return { notices, diagnosed };
}

/** A user's message: a command, a paste, or attached files. Always answers, never throws on input. */
export async function onMessage(msg: IncomingMessage, deps: ConversationDeps, out: Responder, now: () => Date): Promise<void> {
  if (!tenantAllowed(msg.tenantId, deps.allowedTenants)) return out.send([{ kind: 'text', text: refusal(msg.tenantId) }]);
  const files = msg.attachments.filter((a): a is Extract<IncomingAttachment, { kind: 'file' }> => a.kind === 'file');
  const others = msg.attachments.filter((a) => a.kind === 'other');
  // A welcome-card button arrives as a submit with no text: it is the command it stands for.
  const text = (submittedCommandText(msg.value) ?? messageText(msg.text)).trim();
  const liveCheck = deps.liveCheck !== undefined;
  const { scope } = msg;

  if (files.length > 0) {
    await out.typing();
    const read = await readFiles(files, deps);
    // A caption beside the file is diagnosed too, but only reported when it holds a finding.
    const caption = text === '' || parseCommand(text) !== undefined ? undefined : diagnoseText(undefined, text, deps.limits.maxPasteBytes, deps.serviceTags);
    const all = caption !== undefined && caption.report.findings.length > 0 ? [caption, ...read.diagnosed] : read.diagnosed;
    if (others.length > 0) read.notices.push(unreadable(others, scope));
    if (all.length === 0) return out.send([{ kind: 'text', text: `I could not read the attached file${files.length === 1 ? '' : 's'}:\n\n${read.notices.map((n) => `- ${n}`).join('\n')}` }]);
    return out.send(answer(all, read.notices, deps.limits, liveCheck, scope));
  }
  if (text === '') return out.send([{ kind: 'text', text: others.length > 0 ? unreadable(others, scope) : EMPTY_MESSAGE }]);

  const command = parseCommand(text);
  if (command !== undefined) return runCommand(command, scope, deps, out, now);
  const talk = smallTalk(text);
  if (talk !== undefined) return out.send([{ kind: 'text', text: smallTalkReply(talk, scope) }]);

  // A paste is capped (maxPasteBytes) and diagnosed in milliseconds: no typing indicator needed.
  const pasted = diagnoseText(undefined, text, deps.limits.maxPasteBytes, deps.serviceTags);
  return out.send(answer([pasted], others.length > 0 ? [unreadable(others, scope)] : [], deps.limits, liveCheck, scope));
}
