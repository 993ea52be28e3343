/**
 * Relative links in Markdown and the anchors they point at, the way GitHub renders them: a link to
 * a file must find the file, and `#anchor` must find a heading whose slug it is.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Link {
  file: string;
  line: number;
  target: string;
}

/** Lines outside fenced code blocks, with their line numbers. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const opener = /^\s*(```+|~~~+)/.exec(text)?.[1];
    if (opener && (fence === undefined || opener.startsWith(fence))) {
      fence = fence === undefined ? opener : undefined;
      return;
    }
    if (fence === undefined) out.push({ text, line: i + 1 });
  });
  return out;
}

/** GitHub's heading slug: lower case, punctuation dropped (not - or _), each space a hyphen. */
export function slugOf(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: heading slugs (with -1, -2 for repeats) and explicit `<a id>`s. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading !== undefined) {
      const slug = slugOf(heading);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) if (m[1]) anchors.add(m[1]);
  }
  return anchors;
}

/** Relative links (not http:, mailto: and the like) outside code. */
export function linksOf(file: string, markdown: string): Link[] {
  const links: Link[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = text.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      links.push({ file, line, target });
    }
  }
  return links;
}

/** What is wrong with a link, or undefined when it resolves. */
export function problemWith(link: Link): string | undefined {
  const [pathPart = '', anchor] = link.target.split('#', 2) as [string, string | undefined];
  const resolved = pathPart === '' ? link.file : path.resolve(path.dirname(link.file), decodeURIComponent(pathPart));
  if (!existsSync(resolved)) return `no such file: ${pathPart}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return `#${anchor} points into a file that is not Markdown`;
  if (!anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))) return `no heading for #${anchor} in ${path.basename(resolved)}`;
  return undefined;
}
