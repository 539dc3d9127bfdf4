// argv → command → exit code. The one place that decides how the process ends.

import { pathToFileURL } from 'node:url';
import { UsageError } from './io/clock.js';
import { processIo, type Io } from './io/io.js';

type Command = (argv: string[], io: Io) => Promise<number>;

/** Each command's module is loaded when it runs: a check does not load the site or the importer. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.js')).check,
  build: async () => (await import('./commands/build.js')).build,
  serve: async () => (await import('./commands/serve.js')).serveSite,
  new: async () => (await import('./commands/new.js')).newDocument,
  import: async () => (await import('./commands/import.js')).importCommand,
  verify: async () => (await import('./commands/verify.js')).verify,
  report: async () => (await import('./commands/report.js')).report,
  lessons: async () => (await import('./commands/lessons.js')).lessons,
  hooks: async () => (await import('./commands/hooks.js')).hooks,
  'pr-scope': async () => (await import('./commands/pr-scope.js')).prScope,
  docs: async () => (await import('./commands/docs.js')).docs,
  renumber: async () => (await import('./commands/renumber.js')).renumber,
};

export { countDocuments } from './io/walk.js';

/** The program's usage: the commands, then each command's own. */
export async function usage(): Promise<string> {
  const [c, b, s, n, i, v, r, l, h, p, re, d] = await Promise.all([
    import('./commands/check.js'), import('./commands/build.js'), import('./commands/serve.js'), import('./commands/new.js'),
    import('./commands/import.js'), import('./commands/verify.js'), import('./commands/report.js'), import('./commands/lessons.js'),
    import('./commands/hooks.js'), import('./commands/pr-scope.js'), import('./commands/renumber.js'), import('./commands/docs.js'),
  ]);
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

${c.CHECK_USAGE}

${b.BUILD_USAGE}

${s.SERVE_USAGE}

${n.NEW_USAGE}

${i.IMPORT_USAGE}

${v.VERIFY_USAGE}

${r.REPORT_USAGE}

${l.LESSONS_USAGE}

${h.HOOKS_USAGE}

${p.PR_SCOPE_USAGE}

${re.RENUMBER_USAGE}

${d.DOCS_USAGE}`;
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
    return await (await command())(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`firebreak ${name}: ${(error as Error).message}\nRun \`firebreak ${name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr(`firebreak ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}

/** Entry point when run as a program. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
