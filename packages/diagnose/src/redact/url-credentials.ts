import { charSet, later, looksRandom, runEnd } from './chars';
import type { Detector } from './detector';
import { isPlaceholder } from './value';

/** RFC 3986 userinfo: what may stand between "://" and "@". */
const USERINFO = charSet("-._~%!$&'()*+,;=:");
const SCHEME_END = '://';
const AT = 64;
const COLON = 58;
// A user name alone is a token when it is this long and random (an Azure DevOps PAT is 52 or 84).
const TOKEN_USER = 20;

/**
 * Credentials in a URL: the password of `https://user:password@host`, or a token used as the user
 * (`https://<PAT>@dev.azure.com/…`, `https://x-access-token:<token>@github.com/…`).
 */
export const detectUrlCredentials: Detector = (text, mask) => {
  let next = 0;
  for (let at = text.indexOf(SCHEME_END); at !== -1; at = text.indexOf(SCHEME_END, next)) {
    const start = at + SCHEME_END.length;
    const end = runEnd(text, start, USERINFO);
    if (text.charCodeAt(end) === AT) {
      let colon = start;
      while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
      const password = colon < end ? colon + 1 : -1;
      if (password !== -1 && end > password && !isPlaceholder(text, password, end)) mask.add(password, end, 'url-credential');
      else if (password === -1 && end - start >= TOKEN_USER && looksRandom(text, start, end)) mask.add(start, end, 'url-credential');
    }
    next = later(start, end);
  }
};
