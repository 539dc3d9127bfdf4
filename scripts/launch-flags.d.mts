// Types of launch-flags.mjs (plain JavaScript: the launcher runs before anything is compiled).
export function flagsFor(args: string[], env: Record<string, string | undefined>, exists: (path: string) => boolean, cwd: string): string[];
export function restartWith(execArgv: readonly string[], long: boolean, flags: () => string[]): string[] | undefined;
