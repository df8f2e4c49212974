#!/usr/bin/env node
// kvdoctor's bin (copied to dist/kvdoctor.cjs by scripts/bundle.cjs): runs the one-file bundle
// dist/kvdoctor.bundle.cjs. A small stable file, so the bin path never changes with the bundle.
'use strict';
require('./kvdoctor.bundle.cjs');
