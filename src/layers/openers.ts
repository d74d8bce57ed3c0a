/**
 * Which kind of layer opens a file: each kind registers what it accepts (src/app/fileOpeners.ts), and a
 * file dropped on the map or chosen in a panel goes to the first that accepts it. The kinds' code is
 * loaded only when a file of theirs arrives.
 */
export interface FileOpener {
  id: string;
  accepts: (file: File) => boolean;
  /** `handle`: the file's handle where the browser gives one (a dropped file in Chromium). */
  open: (file: File, handle?: FileSystemFileHandle) => Promise<unknown>;
}

const openers: FileOpener[] = [];

/** Registers a kind's opener; the last registered is asked last (a catch-all goes last). */
export function registerOpener(opener: FileOpener): void {
  if (!openers.some((o) => o.id === opener.id)) openers.push(opener);
}

/** Opens the files one after another, each by the first kind that accepts it. */
export async function openFiles(files: readonly File[], handles: readonly (FileSystemFileHandle | undefined)[] = []): Promise<void> {
  for (const [i, file] of files.entries()) {
    const opener = openers.find((o) => o.accepts(file));
    if (!opener) throw new Error(`no layer kind opens "${file.name}"`);
    await opener.open(file, handles[i]);
  }
}

/** A kind that opens a layer from an address typed in (a PMTiles archive's URL): asked before the map services read it. */
export interface UrlOpener {
  id: string;
  accepts: (url: string) => boolean;
  open: (url: string) => Promise<boolean>;
}
const urlOpeners: UrlOpener[] = [];
export function registerUrlOpener(opener: UrlOpener): void {
  if (!urlOpeners.some((o) => o.id === opener.id)) urlOpeners.push(opener);
}
/** The opener of another kind for this address, if one accepts it. */
export const urlOpenerFor = (url: string) => urlOpeners.find((o) => o.accepts(url)) ?? null;
