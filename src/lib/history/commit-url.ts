/**
 * The web page of a commit, worked out from `editUrl` when it names a known
 * forge's edit (or file) page; undefined otherwise, and the commit is shown
 * as plain text. The patterns are those of the forges' own URLs, on any host
 * (GitHub Enterprise, a self-hosted GitLab or Gitea):
 *
 * - GitLab: `https://host/group/sub/project/-/edit/main/content/` → `…/project/-/commit/<hash>`
 * - Gitea and Forgejo: `https://host/owner/repo/_edit/main/content/` or `…/src/branch/main/…` → `…/repo/commit/<hash>`
 * - Bitbucket Cloud: `https://bitbucket.org/workspace/repo/src/main/content/` → `…/repo/commits/<hash>`
 * - Bitbucket Server: `https://host/projects/P/repos/R/browse/content/` → `…/repos/R/commits/<hash>`
 * - GitHub: `https://host/owner/repo/edit/main/content/` (or `blob/`, `tree/`) → `…/repo/commit/<hash>`
 */
export function commitUrlBase(editUrl: string | undefined): ((hash: string) => string) | undefined {
  if (!editUrl) return undefined;
  let url: URL;
  try {
    url = new URL(editUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const origin = url.origin;
  const at = (prefix: string[], suffix: string) => {
    const base = `${origin}/${prefix.join('/')}/${suffix}/`;
    return (hash: string) => `${base}${hash}`;
  };

  const dash = segments.indexOf('-');
  if (dash >= 2 && ['edit', 'blob', 'tree'].includes(segments[dash + 1] ?? '')) return at(segments.slice(0, dash), '-/commit');

  const projects = segments.indexOf('projects');
  if (projects >= 0 && segments[projects + 2] === 'repos' && segments[projects + 4] === 'browse') {
    return at(segments.slice(0, projects + 4), 'commits');
  }

  if (segments.length < 3) return undefined;
  const [owner, repo, action] = segments;
  const repository = [owner!, repo!];
  if (action === '_edit' || (action === 'src' && ['branch', 'commit', 'tag'].includes(segments[3] ?? ''))) return at(repository, 'commit');
  if (action === 'src' && url.hostname === 'bitbucket.org') return at(repository, 'commits');
  if (action === 'edit' || action === 'blob' || action === 'tree') return at(repository, 'commit');
  return undefined;
}
