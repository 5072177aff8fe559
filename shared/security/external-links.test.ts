// Which links may leave the app: https to Kling's docs and console only, and nothing that merely looks like them.
import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, KLING_LINKS } from './external-links';

describe('allowedExternalUrl', () => {
  it.each([...Object.values(KLING_LINKS), 'https://app.klingai.com/global/dev/document-api/apiReference', 'https://docs.qingque.cn/d/home/x#y'])(
    'allows %s',
    (url) => expect(allowedExternalUrl(url)).toBe(new URL(url).href),
  );

  it('normalises what it allows (case of the host, dot segments)', () => {
    expect(allowedExternalUrl('https://APP.KlingAI.com/a/../global/dev')).toBe('https://app.klingai.com/global/dev');
  });

  it.each([
    'http://app.klingai.com/global/dev',
    'https://app.klingai.com.evil.example/',
    'https://evil.example/?https://app.klingai.com/',
    'https://evil-klingai.com/',
    'https://sub.app.klingai.com/',
    'https://user@app.klingai.com/',
    'https://app.klingai.com:evil@evil.example/',
    'https://app.klingai.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://studio/index.html',
    'studio-media://library/x/start.png',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@klingai.com',
    '//app.klingai.com/global/dev',
    '/global/dev',
    '',
    'not a url',
    `https://app.klingai.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => expect(allowedExternalUrl(url)).toBeUndefined());

  it.each([undefined, null, 42, {}, ['https://app.klingai.com/']])('refuses a non-string %j', (value) => {
    expect(allowedExternalUrl(value)).toBeUndefined();
  });

  it('lists bare host names only', () => {
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });
});
