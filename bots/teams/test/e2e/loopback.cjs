// Preload for the Agents Playground (node --require): it listens on every interface by default;
// a test must not open ports to the network, so every TCP listen is forced onto 127.0.0.1.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const original = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'object' && first !== null && ('port' in first || !('path' in first || 'fd' in first || '_handle' in first))) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const rest = args.slice(1);
    if (typeof rest[0] === 'string' || rest[0] === undefined || rest[0] === null) rest.shift();
    args = [first, LOOPBACK, ...rest];
  } else if (first === undefined || typeof first === 'function') {
    args = [0, LOOPBACK, ...args.filter((a) => a !== undefined)];
  }
  return original.apply(this, args);
};
