import { describe, expect, it } from 'vitest';
import { commitUrlBase } from '../../../src/lib/history/commit-url.js';

const HASH = '0123456789abcdef0123456789abcdef01234567';
const commitPage = (editUrl: string | undefined) => commitUrlBase(editUrl)?.(HASH);

describe('the commit page, from editUrl', () => {
  it.each([
    ['https://github.com/acme/handbook/edit/main/content/', `https://github.com/acme/handbook/commit/${HASH}`],
    ['https://github.example.com/acme/handbook/blob/main/content/', `https://github.example.com/acme/handbook/commit/${HASH}`],
    ['https://gitlab.com/acme/people/handbook/-/edit/main/content/', `https://gitlab.com/acme/people/handbook/-/commit/${HASH}`],
    ['https://bitbucket.org/acme/handbook/src/main/content/?mode=edit', `https://bitbucket.org/acme/handbook/commits/${HASH}`],
    ['https://git.acme.example/projects/OKR/repos/handbook/browse/content/', `https://git.acme.example/projects/OKR/repos/handbook/commits/${HASH}`],
    ['https://gitea.acme.example/acme/handbook/_edit/main/content/', `https://gitea.acme.example/acme/handbook/commit/${HASH}`],
    ['https://codeberg.org/acme/handbook/src/branch/main/content/', `https://codeberg.org/acme/handbook/commit/${HASH}`],
  ])('links a commit of %s', (editUrl, expected) => {
    expect(commitPage(editUrl)).toBe(expected);
  });

  it.each([undefined, '', 'https://wiki.acme.example/handbook/', 'https://acme.example/', 'not a url', 'javascript:alert(1)//acme/handbook/edit/x'])(
    'links nothing for %s',
    (editUrl) => {
      expect(commitPage(editUrl)).toBeUndefined();
    },
  );
});
