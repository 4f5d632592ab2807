/** The console's server code, compiled by the build (lib/cli/server-bundle.ts), run by `npm start`. */
export declare const SERVER_BUNDLE: string;
/** True when `file` (relative to `root`) exists and is at least as new as every source. */
export declare function isNewerThanSources(file: string, root?: string): boolean;
