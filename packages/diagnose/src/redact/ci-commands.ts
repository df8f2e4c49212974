import { later, lineEnd } from './chars';
import type { Detector } from './detector';
import { isPlaceholder } from './value';

// GitHub Actions workflow commands whose value is a secret, or may be: `::add-mask::VALUE` (the
// runner masks it only in lines after this one), the deprecated `::set-output name=…::VALUE` and
// `::set-env name=…::VALUE`.
const GITHUB = /::(?:add-mask|set-output[ \t][^:\r\n]{0,200}|set-env[ \t][^:\r\n]{0,200})::/g;
// Azure DevOps `##vso[task.setvariable variable=…;issecret=true]VALUE`.
const AZURE_DEVOPS = /##vso\[task\.setvariable[^\]\r\n]{0,300}\]/gi;
const SECRET_FLAG = /issecret=true/i;

/** Values that CI logging commands set or mask: the rest of the line after the command. */
export const detectCiCommands: Detector = (text, mask) => {
  for (const re of [GITHUB, AZURE_DEVOPS]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (re === AZURE_DEVOPS && !SECRET_FLAG.test(m[0])) continue;
      const start = m.index + m[0].length;
      let end = lineEnd(text, start);
      while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
      if (end > start && !isPlaceholder(text, start, end)) mask.add(start, end, 'secret');
      re.lastIndex = later(re.lastIndex, end);
    }
  }
};
