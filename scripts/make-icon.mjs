// Draw the app icon (assets/icon.png, 1024×1024 RGBA): a rounded square with a colour sweep and a play mark.
// Generated rather than drawn by hand so it can be rebuilt anywhere; electron-builder derives .ico/.icns from it.
import { zlibSync } from 'fflate';
import { writeFileSync } from 'node:fs';

const S = 1024;
const px = new Uint8Array(S * S * 4);
const stops = [
  [0.0, [124, 108, 255]],
  [0.35, [57, 198, 255]],
  [0.7, [62, 207, 142]],
  [1.0, [124, 108, 255]],
];
const lerp = (a, b, t) => a + (b - a) * t;
function sweep(t) {
  for (let i = 1; i < stops.length; i++) {
    const [t1, c1] = stops[i];
    const [t0, c0] = stops[i - 1];
    if (t <= t1) return c0.map((v, k) => lerp(v, c1[k], (t - t0) / (t1 - t0)));
  }
  return stops[0][1];
}
// Signed distance to a rounded square, for an anti-aliased edge.
function roundedBox(x, y, half, r) {
  const qx = Math.abs(x) - half + r;
  const qy = Math.abs(y) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
// Play triangle, pointing right, centred a little right of the middle.
const tri = [
  [-120, -190],
  [-120, 190],
  [210, 0],
].map(([x, y]) => [x + 30, y]);
function inTriangle(x, y) {
  const [a, b, c] = tri;
  const s = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a, b), d2 = s(b, c), d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
for (let j = 0; j < S; j++) {
  for (let i = 0; i < S; i++) {
    const x = i + 0.5 - S / 2;
    const y = j + 0.5 - S / 2;
    const d = roundedBox(x, y, 440, 200);
    const alpha = Math.max(0, Math.min(1, 0.5 - d));
    const t = (Math.atan2(y, x) / (2 * Math.PI) + 1.15) % 1;
    let [r, g, b] = sweep(t);
    // Darken towards the middle so the white mark reads at every size.
    const shade = 0.55 + 0.45 * Math.min(1, Math.hypot(x, y) / 520);
    [r, g, b] = [r * shade, g * shade, b * shade];
    if (inTriangle(x, y)) [r, g, b] = [250, 250, 255];
    const o = (j * S + i) * 4;
    px[o] = r;
    px[o + 1] = g;
    px[o + 2] = b;
    px[o + 3] = Math.round(alpha * 255);
  }
}
const raw = new Uint8Array(S * (S * 4 + 1));
for (let j = 0; j < S; j++) raw.set(px.subarray(j * S * 4, (j + 1) * S * 4), j * (S * 4 + 1) + 1);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlibSync(raw, { level: 9 })),
  chunk('IEND', new Uint8Array(0)),
]);
writeFileSync('assets/icon.png', png);
console.log(`assets/icon.png: ${png.length} bytes`);
