import { encodeShare, type SharedWork } from './codec';

export type ShareUrlResult = { ok: true; url: string } | { ok: false; message: string };

/** The page's address with `work` in its fragment (other query options kept). */
export async function shareUrl(work: SharedWork, location: string): Promise<ShareUrlResult> {
  const encoded = await encodeShare(work);
  if (!encoded.ok) return encoded;
  const url = new URL(location);
  // `?preset=` would be ignored on opening (the fragment wins); drop it so the link says one thing.
  url.searchParams.delete('preset');
  url.hash = encoded.fragment;
  return { ok: true, url: url.href };
}
