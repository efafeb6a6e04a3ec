import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, readBuildMarker } from '../../../src/lib/build/build-marker.js';
import { publishSite } from '../../../src/lib/build/build-site.js';

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `files` (path → text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-publish-'));
  sandboxes.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Every file under `dir` with its text. */
function contents(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory());
  return Object.fromEntries(
    entries.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), 'utf8')]).sort(),
  );
}

describe('publishSite', () => {
  it('publishes into a new folder and lists what it wrote in the marker', async () => {
    const out = path.join(folder({}), 'site');
    const report = await publishSite(folder({ 'index.html': 'home', 'people/ana/index.html': 'ana' }), out);
    expect(readBuildMarker(out)?.files).toEqual(['index.html', 'people/ana/index.html']);
    expect(Object.keys(contents(out))).toEqual([BUILD_MARKER, 'index.html', 'people/ana/index.html']);
    expect(report).toEqual({ kept: [], replaced: [] });
  });

  it('replaces what the previous build wrote and keeps every other file', async () => {
    const out = path.join(folder({}), 'site');
    await publishSite(folder({ 'index.html': 'old home', 'people/ana/index.html': 'ana', 'people/bo/index.html': 'bo' }), out);
    // Put there by hand after the first build.
    writeFileSync(path.join(out, 'CNAME'), 'okrs.example.com\n');
    writeFileSync(path.join(out, 'people', 'notes.txt'), 'notes');
    mkdirSync(path.join(out, 'downloads'));
    writeFileSync(path.join(out, 'downloads', 'plan.pdf'), 'pdf');

    const report = await publishSite(folder({ 'index.html': 'new home', 'people/ana/index.html': 'ana 2' }), out);
    expect(contents(out)).toEqual({
      [BUILD_MARKER]: expect.any(String),
      CNAME: 'okrs.example.com\n',
      'downloads/plan.pdf': 'pdf',
      'index.html': 'new home',
      'people/ana/index.html': 'ana 2',
      'people/notes.txt': 'notes',
    });
    // Bo's page was the previous build's: gone with him. The marker lists only the build's files.
    expect(readBuildMarker(out)?.files).toEqual(['index.html', 'people/ana/index.html']);
    expect(report.kept.sort()).toEqual(['CNAME', 'downloads/', 'people/notes.txt']);
    expect(report.replaced).toEqual([]);
    expect(readdirSync(path.dirname(out))).toEqual(['site']);
  });

  it('keeps the files of a forced build into a folder no build wrote, and reports those the site replaces', async () => {
    const out = folder({ 'index.html': 'my own page', 'CNAME': 'okrs.example.com\n' });
    const report = await publishSite(folder({ 'index.html': 'home' }), out);
    expect(contents(out)).toEqual({ [BUILD_MARKER]: expect.any(String), CNAME: 'okrs.example.com\n', 'index.html': 'home' });
    expect(report).toEqual({ kept: ['CNAME'], replaced: ['index.html'] });
    // The next build knows its own index.html and keeps the CNAME again.
    const next = await publishSite(folder({ 'index.html': 'home 2' }), out);
    expect(next).toEqual({ kept: ['CNAME'], replaced: [] });
  });

  it('removes a file the previous build wrote even when the new build has none in that folder', async () => {
    const out = path.join(folder({}), 'site');
    await publishSite(folder({ 'index.html': 'home', 'teams/red/index.html': 'red' }), out);
    await publishSite(folder({ 'index.html': 'home' }), out);
    expect(existsSync(path.join(out, 'teams', 'red', 'index.html'))).toBe(false);
  });

  it('reports a folder of its own replaced where the new site has a file of the same name', async () => {
    const out = path.join(folder({}), 'site');
    await publishSite(folder({ 'index.html': 'home', 'feed/index.html': 'feed' }), out);
    writeFileSync(path.join(out, 'feed', 'mine.txt'), 'mine');
    const report = await publishSite(folder({ 'index.html': 'home', feed: 'a file now' }), out);
    expect(report).toEqual({ kept: [], replaced: ['feed/mine.txt'] });
    expect(contents(out)).toEqual({ [BUILD_MARKER]: expect.any(String), feed: 'a file now', 'index.html': 'home' });
  });
});
