#!/usr/bin/env -S node --max-semi-space-size=16
// kvdoctor's bin (copied to dist/kvdoctor.cjs by scripts/bundle.cjs): runs the one-file bundle
// dist/kvdoctor.bundle.cjs. A small stable file, so the bin path never changes with the bundle.
// The flag caps V8's young generation at 16 MB semi-spaces (Node 22's ceiling): Node 24 grows it to
// 64 MB, which took a 100 MB retry-loop log from 185 MB to 295 MB peak RSS at the same speed. A
// flag only takes effect on the command line, hence the shebang (npm's bin shims honour `env -S`).
'use strict';
require('./kvdoctor.bundle.cjs');
