// The renderer's policy, as a header and as the <meta> in index.html: strict in every directive, and the two agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  metaContentSecurityPolicy,
  parseContentSecurityPolicy,
  workerContentSecurityPolicy,
} from './csp';
import { MEDIA_ORIGIN } from './origins';

const repo = join(import.meta.dirname, '..', '..');
const cspSource = readFileSync(join(import.meta.dirname, 'csp.ts'), 'utf8');
const indexHtml = readFileSync(join(repo, 'renderer', 'index.html'), 'utf8');

/**
 * 'wasm-unsafe-eval' lets WebAssembly compile (an OpenCV worker may need it); it is the one token script-src may add,
 * and only with a comment in csp.ts saying why.
 */
function allowedScriptSources(): string[] {
  const explained = /\/\/.*'wasm-unsafe-eval'.*\S/.test(cspSource) || /\/\*[\s\S]*'wasm-unsafe-eval'[\s\S]*\*\//.test(cspSource);
  return explained ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"];
}

describe.each([
  ['header', contentSecurityPolicy(MEDIA_ORIGIN)],
  ['meta', metaContentSecurityPolicy(MEDIA_ORIGIN)],
  ['header in the test host', contentSecurityPolicy('http://127.0.0.1:4321')],
])('the %s policy', (_where, policy) => {
  const csp = parseContentSecurityPolicy(policy);

  it('refuses everything by default, and allows no inline code, eval, wildcard or remote host anywhere', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^'unsafe-(inline|eval|hashes)'$|^'strict-dynamic'$|\*|^https?:$|^(ws|wss|file|filesystem):/);
        if (/^[a-z-]+:\/\//.test(source)) expect([MEDIA_ORIGIN, 'http://127.0.0.1:4321'], `${name} ${source}`).toContain(source);
      }
    }
  });

  it('runs scripts and styles from the app only', () => {
    expect(allowedScriptSources()).toEqual(expect.arrayContaining(csp.get('script-src') ?? ['missing']));
    expect(csp.get('script-src')).toContain("'self'");
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('reaches only the app and the library media: no network', () => {
    const media = csp.get('media-src') ?? [];
    expect(csp.get('connect-src')).toEqual(["'self'", media.at(-1)]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', media.at(-1)]);
    expect(media).toEqual(["'self'", 'blob:', expect.stringMatching(/^(studio-media:\/\/library|http:\/\/127\.0\.0\.1:\d+)$/)]);
  });

  it('allows no plugins, no <base>, no form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const fallback of ['frame-src', 'child-src', 'worker-src', 'manifest-src']) {
      // Unset, so they fall back to default-src 'none' (worker-src to script-src 'self').
      expect(csp.has(fallback), fallback).toBe(false);
    }
  });
});

describe('where the policy is delivered', () => {
  it('the header also forbids framing the app', () => {
    expect(parseContentSecurityPolicy(contentSecurityPolicy(MEDIA_ORIGIN)).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('renderer/index.html carries the same policy as a <meta>, before anything that loads', () => {
    const metas = [...indexHtml.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/g)];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[1]).toBe(metaContentSecurityPolicy(MEDIA_ORIGIN));
    const head = indexHtml.slice(indexHtml.indexOf('<head>'), indexHtml.indexOf('</head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.search(/<script|<link|<style/) === -1 ? Infinity : head.search(/<script|<link|<style/));
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script for the policy to break
  });
});

describe('the workers policy (the selection worker runs OpenCV)', () => {
  const worker = parseContentSecurityPolicy(workerContentSecurityPolicy());

  it('is served for the workers folder only; every other file gets the page policy', () => {
    expect(contentSecurityPolicyFor('/workers/selection.worker-abc.js', MEDIA_ORIGIN)).toBe(workerContentSecurityPolicy());
    for (const path of ['/index.html', '/assets/index.js', '/assets/workers/x.js', '/']) {
      expect(contentSecurityPolicyFor(path, MEDIA_ORIGIN)).toBe(contentSecurityPolicy(MEDIA_ORIGIN));
    }
  });

  it('lets the worker compile WebAssembly and OpenCV build its glue, and reach nothing', () => {
    expect(worker.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"]);
    expect(worker.get('default-src')).toEqual(["'none'"]);
    expect(worker.has('connect-src')).toBe(false);
    expect(worker.has('img-src')).toBe(false);
  });
});
