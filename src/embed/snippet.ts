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

/** The embedded page's address: the share link with `embed=1` added to its query. */
export function embedUrl(shareUrl: string): string {
  const url = new URL(shareUrl);
  url.searchParams.set('embed', '1');
  return url.href;
}

export function embedSnippet({ shareUrl, name, width, height }: EmbedSnippetOptions): string {
  const title = escapeAttribute(`INTx Lab: ${name}`);
  const src = escapeAttribute(embedUrl(shareUrl));
  return (
    `<iframe src="${src}" title="${title}" width="${width}" height="${height}" ` +
    `style="border: 0; max-width: 100%" loading="lazy" allow="clipboard-write"></iframe>`
  );
}
