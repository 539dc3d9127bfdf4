// argv → command → exit code. The one place that decides how the process ends.

import { pathToFileURL } from 'node:url';
import { UsageError } from './io/clock.js';
import { processIo, type Io } from './io/io.js';

type Command = { run: (argv: string[], io: Io) => Promise<number>; usage: string };

/**
 * Each command's module is loaded when it runs: a check does not load the site or the importer.
 * In the order the usage lists them.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => import('./commands/check.js').then((m) => ({ run: m.check, usage: m.CHECK_USAGE })),
  build: () => import('./commands/build.js').then((m) => ({ run: m.build, usage: m.BUILD_USAGE })),
  serve: () => import('./commands/serve.js').then((m) => ({ run: m.serveSite, usage: m.SERVE_USAGE })),
  new: () => import('./commands/new.js').then((m) => ({ run: m.newDocument, usage: m.NEW_USAGE })),
  import: () => import('./commands/import.js').then((m) => ({ run: m.importCommand, usage: m.IMPORT_USAGE })),
  verify: () => import('./commands/verify.js').then((m) => ({ run: m.verify, usage: m.VERIFY_USAGE })),
  report: () => import('./commands/report.js').then((m) => ({ run: m.report, usage: m.REPORT_USAGE })),
  lessons: () => import('./commands/lessons.js').then((m) => ({ run: m.lessons, usage: m.LESSONS_USAGE })),
  hooks: () => import('./commands/hooks.js').then((m) => ({ run: m.hooks, usage: m.HOOKS_USAGE })),
  'pr-scope': () => import('./commands/pr-scope.js').then((m) => ({ run: m.prScope, usage: m.PR_SCOPE_USAGE })),
  renumber: () => import('./commands/renumber.js').then((m) => ({ run: m.renumber, usage: m.RENUMBER_USAGE })),
  docs: () => import('./commands/docs.js').then((m) => ({ run: m.docs, usage: m.DOCS_USAGE })),
};

/** The program's usage: the commands, then each command's own. */
export async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `Usage: firebreak <command> [options]

Commands:
  check     check contacts, plans and incidents (see: firebreak check --help)
  build     build the site for an audience (see: firebreak build --help)
  serve     the site on localhost, rebuilt on every change (npm start)
  new       scaffold an incident, exercise, contact or plan
  import    bring existing post-mortems (Markdown) into incidents/
  verify    record that a contact's details were confirmed
  report    the report for senior staff about one incident
  lessons   every lesson, as a table, JSON or a calendar
  hooks     install the git pre-commit hook
  pr-scope  flag a pull request of incident notes that also changes the kit
  renumber  move an incident to the next free number (two branches took the same)
  docs      regenerate docs/rules.md, docs/fields.md and the document types

${commands.map((c) => c.usage).join('\n\n')}`;
}

/** Run a command; returns the exit code (0 ok, 1 errors found, 2 usage error, 3 internal error). */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`firebreak: unknown command \`${name}\`, expected one of: ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  try {
    return await (await command()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`firebreak ${name}: ${(error as Error).message}\nRun \`firebreak ${name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr(`firebreak ${name}: internal error: ${describe(error)}\n`);
    return 3;
  }
}

/**
 * An unexpected error, with what caused it: `cause`, or Eleventy's `originalError` (it wraps a
 * template's error in its own).
 */
export function describe(error: unknown): string {
  const out: string[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    out.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    e = e instanceof Error ? (e.cause ?? (e as { originalError?: unknown }).originalError) : undefined;
  }
  return out.join('\ncaused by: ');
}

/** Entry point when run as a program. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
