export function findChromium(): string | null;
export const NO_BROWSER_MESSAGE: string;
export const CHROMIUM_ARGS: string[];
