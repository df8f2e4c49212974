import type { Mask } from './mask';

/** What a masked value was, shown in its placeholder: `[REDACTED:<kind>]`. */
export type SecretKind =
  | 'jwt'
  | 'token'
  | 'client-secret'
  | 'sas'
  | 'key'
  | 'password'
  | 'private-key'
  | 'url-credential'
  | 'secret';

/** A detector marks the secrets it finds in the mask; each reads the text once from left to right. */
export type Detector = (text: string, mask: Mask) => void;
