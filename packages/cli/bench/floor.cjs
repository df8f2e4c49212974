#!/usr/bin/env node
// The least any Node program must do to read a log as text: start Node, read the file in 1 MB
// chunks (as the CLI does) and decode them as UTF-8, counting line ends so the work is not
// optimised away. The bench prints its time beside kvdoctor's: it bounds the speed a JavaScript
// reader can reach on this machine, whatever its rules do.
'use strict';
const { openSync, readSync, closeSync } = require('node:fs');

const CHUNK = 1024 * 1024;
const fd = openSync(process.argv[2], 'r');
const buffer = Buffer.allocUnsafe(CHUNK);
const decoder = new TextDecoder('utf-8');
let lines = 0;
for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) {
  const text = decoder.decode(buffer.subarray(0, n), { stream: true });
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
}
closeSync(fd);
process.stdout.write(`${lines}\n`);
