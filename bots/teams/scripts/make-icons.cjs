#!/usr/bin/env node
// Writes appPackage/color.png (192x192, full colour) and appPackage/outline.png (32x32, white on
// transparent), the two icons a Teams app package needs. Drawn here, offline: a keyhole, since
// kvdoctor is about Key Vault access. Re-run after changing the drawing; the PNGs are committed.
'use strict';
const { deflateSync, crc32 } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA PNG from a pixel function (x, y) → [r, g, b, a]; 4x4 supersampling smooths the edges. */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None)
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 4; i++) acc[i] += p[i] / 16;
        }
      for (let i = 0; i < 4; i++) row[1 + x * 4 + i] = Math.round(acc[i]);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The keyhole in unit coordinates: a circle over a tapering slot. */
function keyhole(u, v) {
  const inCircle = (u - 0.5) ** 2 + (v - 0.4) ** 2 <= 0.13 ** 2;
  const t = (v - 0.45) / 0.3; // 0 at the slot's top, 1 at its foot
  const half = 0.05 + 0.06 * t;
  const inSlot = t >= 0 && t <= 1 && Math.abs(u - 0.5) <= half;
  return inCircle || inSlot;
}

function roundedSquare(u, v, r) {
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

const BLUE = [0, 120, 212, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
const dir = join(__dirname, '..', 'appPackage');

writeFileSync(join(dir, 'color.png'), png(192, (u, v) => (!roundedSquare(u, v, 0.18) ? CLEAR : keyhole(u, v) ? WHITE : BLUE)));
// Teams' outline icon must be white with a transparent background.
writeFileSync(join(dir, 'outline.png'), png(32, (u, v) => (keyhole(u, v) ? WHITE : CLEAR)));
process.stdout.write('wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32)\n');
