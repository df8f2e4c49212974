import { redact } from '@kvdoctor/diagnose';

// C0/C1 control characters (but tab) could drive the reader's terminal: a log must not.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text that came from a log, made safe to print: secrets masked, control characters shown as U+FFFD. */
export function safe(text: string): string {
  return redact(text).text.replace(CONTROL, '\uFFFD');
}
