/**
 * Copying a link: to the clipboard where the browser allows it (https or localhost, permission given),
 * else the link is shown selected with how to copy it by hand (a plain-http intranet address has no
 * clipboard API: not a secure context).
 */
import { create } from 'zustand';

export const useCopyFallback = create<{ url: string | null }>()(() => ({ url: null }));

/** Resolves true when the clipboard took the link; false when it is shown to copy by hand. */
export async function copyLink(url: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard (not a secure context)');
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    useCopyFallback.setState({ url });
    return false;
  }
}
