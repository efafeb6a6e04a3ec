import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, readBuildMarker } from '../../../src/lib/build/build-marker.js';
import { urlScheme } from '../../../src/lib/schema/link-url.js';
import { page, runBuild } from '../../helpers/build-fixture.js';
import { BASE_HANDBOOK, edit, writeHandbook } from '../../helpers/fixture-handbook.js';

const OBJECTIVE = 'objectives/2026-q3/retention.md';

/** The base fixture plus what the site must handle: an edit URL, a hostile title, a stale key result. */
const SITE_FIXTURE = {
  'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}editUrl: https://git.example.com/acme/handbook/edit/main/content/\n`,
  ...edit(OBJECTIVE, 'title: Keep the customers we win', 'title: "<script>alert(1)</script> Keep the customers we win"'),
  // Raw HTML in a Markdown body: harmless markup stays, anything that could run goes.
  ...edit(
    'objectives/2026-q2/activation.md',
    'Why it matters.',
    'Why it <em>matters</em>. <script>alert(2)</script><img src="x.png" alt="x" onerror="alert(3)"> <a href="javascript:alert(4)">click</a>\n\n' +
      '[a](JaVaScRiPt:alert(5)) [b](vbscript:msgbox(6)) ![c](data:image/svg+xml,<svg/onload=alert(7)>) <a href="java&#x09;script:alert(8)">d</a> <img src="data:text/html,x">',
  ),
  // An address the person page links with mailto:.
  ...edit('people/lee-wong.md', 'manager: priya-shah\n', 'manager: priya-shah\nemail: lee@example.com\n'),
  // q3-churn gets no update in the latest check-in, so it is stale at asOf.
  ...edit('reviews/2026-q3/week-33.md', '  - kr: q3-churn\n    confidence: 0.5\n', ''),
  'reviews/2026-q3/week-30.md': `---
date: 2026-07-27
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-churn
    confidence: 0.7
---
`,
  // One key result of each other kind: levels (ordinal) and a milestone, checked in on 17 August.
  'objectives/2026-q3/enterprise.md': `---
title: Be ready for enterprise customers
cycle: 2026-q3
owner: priya-shah
accepted: 2026-06-26
keyResults:
  - id: q3-sso
    title: Single sign-on for our largest accounts
    owner: priya-shah
    accepted: 2026-06-26
    levels:
      commit: SAML sign-in works for one pilot account
      target: All five accounts over 500 seats sign in with SSO
      stretch: SCIM provisioning live for them too
  - id: q3-soc2
    title: Receive the SOC 2 Type I report
    owner: priya-shah
    accepted: 2026-06-26
    milestone: true
---
`,
  'reviews/2026-q3/enterprise-week-33.md': `---
date: 2026-08-17
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-sso
    confidence: 0.6
    level: target
  - kr: q3-soc2
    confidence: 1
    done: true
---
`,
};

/** A link to `target` reading `text`, whatever attributes Astro adds. */
function link(target: string, text: string): RegExp {
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`<a href="${escape(target)}"[^>]*>${escape(text)}</a>`);
}

/** The scheme each `href` and `src` of a page's HTML has, as a browser reads the attribute. */
function linkSchemes(html: string): string[] {
  const decode = (value: string) =>
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
      .replace(/&(colon|tab|newline|amp|quot|lt|gt);/gi, (_, name: string) => ({ colon: ':', tab: '\t', newline: '\n', amp: '&', quot: '"', lt: '<', gt: '>' })[name.toLowerCase()]!);
  const schemes: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src|srcset|action|formaction|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const scheme = urlScheme(decode(match[1] ?? match[2] ?? match[3]!));
    if (scheme) schemes.push(scheme);
  }
  return schemes;
}

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(path.join(dir, file)).isFile()).sort();
}

describe('npm run build', () => {
  let content: string;
  let out: string;
  let first: ReturnType<typeof runBuild>;

  beforeAll(() => {
    content = writeHandbook(SITE_FIXTURE);
    out = path.join(path.dirname(content), `${path.basename(content)}-site`);
    first = runBuild('--content', content, '--out', out);
  }, 120_000);

  it('validates, builds every address and says what it did', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Built \d+ pages from 15 files into .* \(validate \d+ ms, pages \d+ ms, search \d+ ms, write \d+ ms\)/);
    for (const address of ['/', '/glossary/', '/glossary/okr-owner/']) expect(existsSync(path.join(out, address, 'index.html')), address).toBe(true);
    expect(existsSync(path.join(out, 'handbook.json'))).toBe(true);
    // The editor JSON Schemas, copied from public/schema/.
    expect(existsSync(path.join(out, 'schema', 'objective.json'))).toBe(true);
  });

  it('escapes a title written as HTML', () => {
    const html = page(out, '/objectives/');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Keep the customers we win');
    expect(html).not.toContain('alert(1)</script>');
  });

  it('sanitises raw HTML in a Markdown body, keeping harmless markup', () => {
    const full = page(out, '/objectives/activation/');
    const html = full.slice(full.indexOf('<main'), full.indexOf('</main>'));
    expect(html).toContain('Why it <em>matters</em>.');
    expect(html).not.toMatch(/<script\b|onerror|javascript:/);
    expect(html).toContain('click');
  });

  it('links to no page with a scheme other than https, http and mailto', () => {
    const pages = files(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const schemes = new Set(pages.flatMap((file) => linkSchemes(readFileSync(path.join(out, file), 'utf8'))));
    // The edit links and the mailto link are there; nothing else with a scheme is.
    expect([...schemes].sort()).toEqual(['https:', 'mailto:']);
    expect(page(out, '/people/lee-wong/')).toMatch(link('mailto:lee@example.com', 'lee@example.com'));
    expect(linkSchemes('<a href="java&#x09;script:x"> <a href=\'DATA:x\'> <img src=vbscript&colon;x>')).toEqual(['javascript:', 'data:', 'vbscript:']);
  });

  it('flags a stale key result on the home page', () => {
    const html = page(out, '/');
    const attention = html.slice(html.indexOf('Needs attention'), html.indexOf('</section>', html.indexOf('Needs attention')));
    expect(attention).toContain('/key-results/q3-churn/');
    expect(attention).toContain('stale check-in');
    expect(attention).not.toContain('/key-results/q3-retention/');
  });

  it('shows a glossary term with the rules that enforce it and an edit link', () => {
    const html = page(out, '/glossary/okr-owner/');
    expect(html).toContain('<h1>OKR Owner</h1>');
    expect(html).toContain('Also called: OKR accountable.');
    expect(html).toContain('<code>owner-required</code>');
    expect(html).toContain('href="https://git.example.com/acme/handbook/edit/main/content/glossary/okr-owner.md"');
  });

  it('writes the validated model as /handbook.json, references as ids', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'));
    expect(data.activeCycle).toBe('2026-q3');
    const retention = data.objectives.find((objective: { id: string }) => objective.id === 'retention');
    expect(retention).toMatchObject({ owner: 'priya-shah', sponsor: 'sam-okafor', team: 'growth', cycle: '2026-q3' });
    expect(retention.keyResults.map((kr: { id: string; owner: string }) => [kr.id, kr.owner])).toEqual([
      ['q3-retention', 'lee-wong'],
      ['q3-churn', 'sam-okafor'],
    ]);
  });

  it('marks entity pages for search, with facets from the model, and writes the index', () => {
    const html = page(out, '/objectives/retention/');
    expect(html).toContain('data-pagefind-body');
    for (const facet of ['kind:Objective', 'cycle:2026 Q3', 'team:Growth', 'owner:Priya Shah']) expect(html).toContain(`data-pagefind-filter="${facet}"`);
    expect(page(out, '/ownership/')).not.toContain('data-pagefind-body'); // chrome and indexes are not indexed
    expect(existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(first.stdout).toMatch(/\d+ of them in the search index/);
  });

  it('names the owner, sponsor, team and key results on an objective page', () => {
    const html = page(out, '/objectives/retention/');
    expect(html).toMatch(link('/people/priya-shah/', 'Priya Shah'));
    expect(html).toMatch(link('/people/sam-okafor/', 'Sam Okafor'));
    expect(html).toMatch(link('/teams/growth/', 'Growth'));
    expect(html).toContain('href="/key-results/q3-retention/"');
    expect(html).toContain('href="/key-results/q3-churn/"');
    expect(html).toContain('href="https://git.example.com/acme/handbook/edit/main/content/objectives/2026-q3/retention.md"');
    // A space between the words and the date, which Astro drops after an expression unless it is written out.
    expect(html).toMatch(/accepted on <time datetime="\d{4}-\d{2}-\d{2}"/);
  });

  it('shows a key result with its owner, confidence chart, check-ins and initiatives', () => {
    const html = page(out, '/key-results/q3-retention/');
    expect(html).toMatch(link('/people/lee-wong/', 'Lee Wong'));
    expect(html).toMatch(/accepted on <time datetime="\d{4}-\d{2}-\d{2}"/);
    expect(html).toMatch(/<svg class="chart"[^>]*role="img"[^>]*aria-label="[^"]*1 check-in/);
    expect(html).toContain('href="/reviews/week-33/"');
    expect(html).toContain('Rewrite the onboarding checklist');
  });

  it('lists what a person owns, with their manager', () => {
    const html = page(out, '/people/lee-wong/');
    expect(html).toMatch(link('/people/priya-shah/', 'Priya Shah'));
    expect(html).toContain('href="/key-results/q3-retention/"');
    expect(html).toContain('href="/key-results/q2-activation/"');
    expect(html).not.toContain('href="/key-results/q3-churn/"');
  });

  it('flags the stale key result on the ownership table, and only it', () => {
    const html = page(out, '/ownership/');
    const row = (id: string) => html.slice(html.indexOf(`href="/key-results/${id}/"`), html.indexOf('</tr>', html.indexOf(`href="/key-results/${id}/"`)));
    expect(row('q3-churn')).toContain('confidence-stale');
    expect(row('q3-retention')).not.toContain('confidence-stale');
    expect(html).not.toContain('href="/key-results/q2-activation/"'); // another cycle: a page of its own
    const closed = page(out, '/ownership/2026-q2/');
    expect(closed.slice(closed.indexOf('href="/key-results/q2-activation/"'))).toContain('href="/people/lee-wong/"');
  });

  it('shows scores on a closed cycle and updates on a check-in', () => {
    const cycle = page(out, '/cycles/2026-q2/');
    expect(cycle.slice(cycle.indexOf('href="/key-results/q2-activation/"'))).toMatch(/0\.80/);
    const review = page(out, '/reviews/week-33/');
    expect(review).toMatch(link('/people/priya-shah/', 'Priya Shah'));
    expect(review).toContain('href="/key-results/q3-retention/"');
  });

  it('shows each kind of key result: the level reached as steps, the day a milestone was done', () => {
    const sso = page(out, '/key-results/q3-sso/');
    expect(sso).toMatch(/Level reached[\s\S]*<strong class="level"[^>]*>target<\/strong>/);
    expect(sso).toContain('All five accounts over 500 seats sign in with SSO');
    expect(sso).toMatch(/aria-label="[^"]*Level reached at 17 Aug 2026: target \(progress 70%\)/);
    expect(sso).toMatch(/aria-label="70% of the way to target"/);
    const soc2 = page(out, '/key-results/q3-soc2/');
    expect(soc2).toMatch(/<strong class="done"[^>]*>Done<\/strong> on <time datetime="2026-08-17"/);
    expect(soc2).toMatch(/<g class="done-marker"[\s\S]*?done 17 Aug/);
    // The objective's progress is the mean of both kinds: (0.7 + 1) / 2.
    expect(page(out, '/objectives/enterprise/')).toMatch(/aria-label="85% of the way to target"/);
    const review = page(out, '/reviews/enterprise-week-33/');
    expect(review).toMatch(/data-label="Reached"[^>]*>\s*target/);
    expect(review).toMatch(/data-label="Reached"[^>]*>\s*done/);
    const data = JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'));
    const enterprise = data.objectives.find((objective: { id: string }) => objective.id === 'enterprise');
    expect(enterprise.keyResults.map((kr: { kind: string; currentLevel: string | null; doneOn: string | null }) => [kr.kind, kr.currentLevel, kr.doneOn])).toEqual([
      ['ordinal', 'target', null],
      ['milestone', null, '2026-08-17'],
    ]);
  });

  it('leads a closed cycle with its scores, and makes up no 0 % where no value was recorded', () => {
    const cycle = page(out, '/cycles/2026-q2/');
    expect(cycle.indexOf('>Scores</h2>')).toBeGreaterThan(0);
    expect(cycle.indexOf('>Scores</h2>')).toBeLessThan(cycle.indexOf('>Objectives</h2>'));
    expect(cycle).toMatch(/<dt[^>]*>Average score<\/dt>\s*<dd[^>]*><strong[^>]*>0\.80<\/strong>/);
    expect(cycle).not.toContain('0%');
    expect(page(out, '/objectives/activation/')).not.toContain('0%');
  });

  it('shows a team with its lead and members, contributing but not owning', () => {
    const html = page(out, '/teams/growth/');
    expect(html).toMatch(link('/people/priya-shah/', 'Priya Shah'));
    expect(html).toMatch(link('/people/lee-wong/', 'Lee Wong'));
    expect(html).toContain('href="/objectives/retention/"');
  });

  it('gives byte-identical output for the same handbook', () => {
    const again = `${out}-again`;
    const second = runBuild('--content', content, '--out', again);
    expect(second.status, second.stderr).toBe(0);
    expect(files(again)).toEqual(files(out));
    for (const file of files(out)) expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(out, file))), file).toBe(true);
  }, 120_000);

  it('marks the site as its own and, rebuilding, keeps a file no build wrote', () => {
    expect(readBuildMarker(out)?.files).toContain('index.html');
    expect(readBuildMarker(out)?.files).not.toContain(BUILD_MARKER);
    const again = `${out}-again`;
    writeFileSync(path.join(again, 'CNAME'), 'okrs.example.com\n');
    const rebuilt = runBuild('--content', content, '--out', again);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('Kept 1 file(s)');
    expect(readFileSync(path.join(again, 'CNAME'), 'utf8')).toBe('okrs.example.com\n');
    expect(files(again)).toEqual([...files(out), 'CNAME'].sort());
  }, 120_000);

  it('builds the same search index when a large handbook is indexed after its pages instead of while rendering', () => {
    const after = `${out}-indexed-after`;
    process.env.OKR_HANDBOOK_MAX_PAGES_INDEXED_WHILE_RENDERING = '0';
    let built;
    try {
      built = runBuild('--content', content, '--out', after);
    } finally {
      delete process.env.OKR_HANDBOOK_MAX_PAGES_INDEXED_WHILE_RENDERING;
    }
    expect(built.status, built.stderr).toBe(0);
    // Each page's record (its URL, text, title, filters) is a fragment named by its content's hash; the
    // word index itself numbers pages in the order they came, which differs between the two ways.
    const fragments = (dir: string) => files(dir).filter((file) => file.startsWith('pagefind/fragment/'));
    expect(fragments(after).length).toBeGreaterThan(5);
    expect(fragments(after)).toEqual(fragments(out));
    const pageCount = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect(pageCount(after)).toBe(pageCount(out));
    expect(built.stdout).toMatch(new RegExp(`${pageCount(out)} of them in the search index \\(.*search \\d+ ms`));
  }, 120_000);

  it('builds a handbook that has no glossary folder, without warnings about it', () => {
    const glossaryFiles = Object.keys(BASE_HANDBOOK).filter((file) => file.startsWith('glossary/'));
    const withoutGlossary = writeHandbook({ ...SITE_FIXTURE, ...Object.fromEntries(glossaryFiles.map((file) => [file, null])) });
    const built = runBuild('--content', withoutGlossary, '--out', `${withoutGlossary}-site`);
    expect(built.status, built.stderr).toBe(0);
    expect(`${built.stdout}${built.stderr}`).not.toMatch(/WARN|does not exist/);
    expect(page(`${withoutGlossary}-site`, '/glossary/')).toContain('<h1');
  }, 120_000);

  it('refuses to build a handbook with errors and leaves the output folder untouched', () => {
    const broken = writeHandbook(edit(OBJECTIVE, 'owner: priya-shah', 'owner: growth'));
    const existing = path.join(tmpdir(), `okr-handbook-existing-${process.pid}`);
    mkdirSync(existing, { recursive: true });
    writeFileSync(path.join(existing, 'keep.txt'), 'the previous site');
    // A folder no build wrote: --force lets the build go on to validation, which refuses it.
    const refused = runBuild('--content', broken, '--out', existing, '--force');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('owner-individual');
    expect(refused.stderr).toContain('was not touched');
    expect(readdirSync(existing)).toEqual(['keep.txt']);
    expect(readFileSync(path.join(existing, 'keep.txt'), 'utf8')).toBe('the previous site');
  });
});
