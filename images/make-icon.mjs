#!/usr/bin/env node
// Draws images/icon.png (128×128, the extension's Marketplace icon) with no dependencies: a page of
// text on a dark-blue tile with a green check badge, rendered with 4×4 supersampling and written as a
// PNG through zlib. Run: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const N = 128, SS = 4;
const rgba = (hex, a = 1) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), a];

// Signed-distance shapes (negative inside).
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hx, dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - w / 2;
};
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)));

// Layers, bottom to top: [shape, colour].
const layers = [
  [roundRect(4, 4, 124, 124, 22), rgba('#1f3b57')],
  [roundRect(26, 16, 90, 104, 6), rgba('#f4f1ea')], // the page
  ...[34, 46, 58, 70, 82].map((y, i) => [roundRect(36, y, i === 4 ? 62 : 80, y + 5, 2.5), rgba(i === 1 ? '#e0a030' : '#8a97a6')]), // lines; one flagged
  [circle(90, 90, 25), rgba('#1f3b57')], // badge outline
  [circle(90, 90, 21), rgba('#2e9e5b')], // badge
  [union(segment(79, 91, 87, 99, 6.5), segment(87, 99, 102, 81, 6.5)), rgba('#ffffff')], // check
];

const px = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  px[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const fx = x + (sx + 0.5) / SS, fy = y + (sy + 0.5) / SS;
      let c = [0, 0, 0, 0]; // premultiplied "over" compositing
      for (const [shape, [r, g, b, a]] of layers) {
        if (shape(fx, fy) > 0) continue;
        c = [r * a + c[0] * (1 - a), g * a + c[1] * (1 - a), b * a + c[2] * (1 - a), a + c[3] * (1 - a)];
      }
      acc = acc.map((v, i) => v + c[i]);
    }
    const a = acc[3] / (SS * SS);
    const o = y * (N * 4 + 1) + 1 + x * 4;
    px[o] = a ? Math.round(acc[0] / acc[3]) : 0;
    px[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
    px[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
    px[o + 3] = Math.round(a * 255);
  }
}

const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
