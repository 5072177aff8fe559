import { describe, expect, it } from 'vitest';
import { checkImage } from '../../../shared/kling/image-rules';
import { padTo, jpegHeader, encodePng, bytesOf, concatBytes } from '../../../shared/kling/test-images';
import { readImageInfo } from '../../../shared/kling/image-info';
import { chooseOutput, renamedFor, triage } from './fix-plan';

function facts(bytes: Uint8Array, decodable = true, hasAlpha = false) {
  const info = readImageInfo(bytes);
  const size = info.width && info.height ? { size: { width: info.width, height: info.height } } : {};
  return { problems: checkImage('startFrame', bytes), format: info.format, orientation: info.exifOrientation, decodable, hasAlpha, ...size };
}

const webpHeader = (w: number, h: number) =>
  concatBytes(bytesOf.ascii('RIFF'), bytesOf.le32(30), bytesOf.ascii('WEBPVP8X'), bytesOf.le32(10), [0, 0, 0, 0], [...bytesOf.le32(w - 1)].slice(0, 3), [...bytesOf.le32(h - 1)].slice(0, 3));

describe('triage', () => {
  it('accepts a good JPEG as it is', () => {
    expect(triage(facts(jpegHeader({ width: 1280, height: 720 })))).toEqual({ kind: 'accept' });
  });
  it('offers to rotate an EXIF-rotated JPEG', () => {
    const t = triage(facts(jpegHeader({ width: 1280, height: 720, orientation: 6 })));
    expect(t.kind === 'accept' && t.upright?.label).toBe('Rotate pixels upright');
  });
  it('offers to convert a WebP, to JPEG without transparency and PNG with it', () => {
    const t = triage(facts(webpHeader(800, 600)));
    expect(t.kind === 'fix' && t.plan.label).toBe('Convert to JPEG');
    const a = triage(facts(webpHeader(800, 600), true, true));
    expect(a.kind === 'fix' && a.plan.label).toBe('Convert to PNG');
  });
  it('offers a crop for a panorama, and names the side', () => {
    const t = triage(facts(jpegHeader({ width: 1500, height: 500 })));
    expect(t.kind === 'fix' && t.plan.label).toBe('Crop to 2.5:1…');
    const tall = triage(facts(jpegHeader({ width: 500, height: 1500 })));
    expect(tall.kind === 'fix' && tall.plan.label).toBe('Crop to 1:2.5…');
  });
  it('offers a re-encode for a file over 10 MB, as JPEG when the PNG is opaque', () => {
    const big = padTo(encodePng({ width: 400, height: 400, colorType: 2 }), 11 * 1024 * 1024);
    const t = triage(facts(big));
    expect(t.kind === 'fix' && t.plan.label).toBe('Re-encode to fit 10 MB');
    expect(t.kind === 'fix' && t.plan.output).toBe('jpeg');
  });
  it('offers nothing for an image under 300 px, and says why', () => {
    const t = triage(facts(encodePng({ width: 200, height: 150 })));
    expect(t.kind).toBe('refuse');
    expect(t.kind === 'refuse' && t.messages.join(' ')).toMatch(/blur/);
  });
  it('refuses what cannot be decoded', () => {
    expect(triage(facts(webpHeader(800, 600), false)).kind).toBe('refuse');
    expect(triage(facts(jpegHeader({ width: 800, height: 600 }), false)).kind).toBe('refuse');
  });
});

describe('chooseOutput and renamedFor', () => {
  it('keeps JPEG and PNG', () => {
    expect(chooseOutput('png', true, true).output).toBe('png');
    expect(chooseOutput('jpeg', false, false).output).toBe('jpeg');
  });
  it('renames when the format changes', () => {
    expect(renamedFor('photo.webp', 'jpeg')).toBe('photo.jpg');
    expect(renamedFor('Photo.JPEG', 'jpeg')).toBe('Photo.JPEG');
    expect(renamedFor('clip.gif', 'png')).toBe('clip.png');
    expect(renamedFor('image', 'png')).toBe('image.png');
  });
});
