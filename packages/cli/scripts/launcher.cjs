#!/usr/bin/env -S node --max-semi-space-size=16
// kvdoctor's bin (copied to dist/kvdoctor.cjs by scripts/bundle.cjs): runs the one-file bundle
// dist/kvdoctor.bundle.cjs. A small stable file, so the bin path never changes with the bundle.
// The flag caps V8's young generation at 16 MB semi-spaces (Node 22's ceiling): Node 24 grows it to
// 64 MB, which took a 100 MB retry-loop log from 185 MB to 295 MB peak RSS at the same speed. A
// flag only takes effect on the command line, hence the shebang (npm's bin shims honour `env -S`).
'use strict';
// Node's own on-disk compile cache (in the OS temp folder, keyed by Node version and file content,
// so a cache from another Node is never used) cuts start-up by about 15% (126 -> 109 ms for a
// one-line log on Node 24); NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 22.0 lacks it.
require('node:module').enableCompileCache?.();
require('./kvdoctor.bundle.cjs');
