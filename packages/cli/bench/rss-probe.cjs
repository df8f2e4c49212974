// Preloaded into the measured CLI (node --require): records the whole process's peak RSS,
// worker threads included, without depending on /usr/bin/time being installed.
const { writeFileSync } = require('node:fs');

const target = process.env.KVDOCTOR_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
