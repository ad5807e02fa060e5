/**
 * "Copy embed code": the <iframe> a teacher pastes into a course page. The
 * address is a share link (scenario and step in the fragment) with `embed=1`;
 * the title names the scenario for screen readers, as WCAG asks of frames.
 */
import { EMBED_ONLY_FLAGS } from './flags';

export interface EmbedSnippetOptions {
  /** A share link of the current work (from shareUrl). */
  shareUrl: string;
  /** The scenario's (or lesson's) name, for the frame's title. */
  name: string;
  width: number;
  height: number;
  /** The lesson shown and its step, when there is one (`lesson=` and `lesson-step=` flags). */
  lesson?: { name: string; step: string | null } | null;
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page's address without the embed flags: what "Share link" starts from,
 * so a link shared from an embedded copy opens the full app.
 */
export function withoutEmbedFlags(href: string): string {
  const url = new URL(href);
  for (const name of EMBED_ONLY_FLAGS) url.searchParams.delete(name);
  return url.href;
}

/** The embedded page's address: the share link with `embed=1` (and the lesson) in its query. */
export function embedUrl(shareUrl: string, lesson: EmbedSnippetOptions['lesson'] = null): string {
  const url = new URL(shareUrl);
  url.searchParams.set('embed', '1');
  if (lesson) {
    url.searchParams.set('lesson', lesson.name);
    if (lesson.step !== null) url.searchParams.set('lesson-step', lesson.step);
  }
  return url.href;
}

export function embedSnippet(options: EmbedSnippetOptions): string {
  const { shareUrl, name, width, height, lesson = null } = options;
  const title = escapeAttribute(`INTx Lab: ${name}`);
  const src = escapeAttribute(embedUrl(shareUrl, lesson));
  return (
    `<iframe src="${src}" title="${title}" width="${width}" height="${height}" ` +
    `style="border: 0; max-width: 100%" loading="lazy" allow="clipboard-write"></iframe>`
  );
}
