import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorsOf, linksOf, problemWith, slugOf } from './markdown-links.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];

describe('the README and docs/', () => {
  it('have a page for each audience', () => {
    expect(pages.sort()).toEqual(
      ['README.md', 'docs/architecture.md', 'docs/cli.md', 'docs/deploy.md', 'docs/discord.md', 'docs/insights.md', 'docs/live-agent.md', 'docs/models.md', 'docs/operations.md', 'docs/privacy.md', 'docs/slack.md', 'docs/testing.md', 'docs/understanding.md', 'docs/writing-flows-and-knowledge.md'].sort(),
    );
  });

  it.each(pages)('%s has no broken relative link or anchor', (page) => {
    const file = path.join(ROOT, page);
    const broken = linksOf(file, readFileSync(file, 'utf8'))
      .map((link) => ({ link, problem: problemWith(link) }))
      .filter((l) => l.problem !== undefined)
      .map((l) => `${page}:${l.link.line} (${l.link.target}): ${l.problem}`);
    expect(broken).toEqual([]);
  });

  it('every docs page is linked from the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const page of pages.filter((p) => p !== 'README.md')) expect(readme).toContain(`](${page}`);
  });

  it('point at nothing outside the repository and no folder that does not exist', () => {
    for (const page of pages) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      expect(text, page).not.toMatch(/DESIGN\.md|\/work\/|\.\.\/shared|src\/adapters\/console|\bissue \d+/i);
    }
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportbot-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes heading slugs the way GitHub does', () => {
    expect(slugOf('The `chat --json` protocol')).toBe('the-chat---json-protocol');
    expect(slugOf('Confidence, and when to ask "did you mean A or B?"')).toBe('confidence-and-when-to-ask-did-you-mean-a-or-b');
    expect(slugOf('Flows: `src/dialogue/flows/`')).toBe('flows-srcdialogueflows');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });

  it('finds a missing file, a missing anchor, and ignores code and web links', () => {
    writeFileSync(path.join(dir, 'other.md'), '# Other\n\n## Real part\n');
    const page = path.join(dir, 'page.md');
    const text = [
      '# Page',
      '[ok](other.md#real-part) [self](#page) [web](https://example.com/x.md)',
      '[gone](missing.md) [bad anchor](other.md#nope)',
      '`[in code](missing-too.md)`',
      '```',
      '[in a fence](missing-three.md)',
      '```',
    ].join('\n');
    writeFileSync(page, text);
    const problems = linksOf(page, text).map((l) => [l.target, problemWith(l)]);
    expect(problems).toEqual([
      ['other.md#real-part', undefined],
      ['#page', undefined],
      ['missing.md', 'no such file: missing.md'],
      ['other.md#nope', 'no heading for #nope in other.md'],
    ]);
  });
});
