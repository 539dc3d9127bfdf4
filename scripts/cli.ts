// argv → command → exit code. The one place that decides how the process ends.

import { pathToFileURL } from 'node:url';
import { build, BUILD_USAGE } from './commands/build.js';
import { check, CHECK_USAGE } from './commands/check.js';
import { hooks, HOOKS_USAGE } from './commands/hooks.js';
import { importCommand, IMPORT_USAGE } from './commands/import.js';
import { lessons, LESSONS_USAGE } from './commands/lessons.js';
import { prScope, PR_SCOPE_USAGE } from './commands/pr-scope.js';
import { docs, DOCS_USAGE } from './commands/docs.js';
import { newDocument, NEW_USAGE } from './commands/new.js';
import { report, REPORT_USAGE } from './commands/report.js';
import { serveSite, SERVE_USAGE } from './commands/serve.js';
import { verify, VERIFY_USAGE } from './commands/verify.js';
import { renumber, RENUMBER_USAGE } from './commands/renumber.js';
import { UsageError } from './io/clock.js';
import { processIo, type Io } from './io/io.js';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = { check, build, serve: serveSite, new: newDocument, import: importCommand, verify, report, lessons, hooks, 'pr-scope': prScope, docs, renumber };

export { countDocuments } from './io/walk.js';

export const USAGE = `Usage: firebreak <command> [options]

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

${CHECK_USAGE}

${BUILD_USAGE}

${SERVE_USAGE}

${NEW_USAGE}

${IMPORT_USAGE}

${VERIFY_USAGE}

${REPORT_USAGE}

${LESSONS_USAGE}

${HOOKS_USAGE}

${PR_SCOPE_USAGE}

${RENUMBER_USAGE}

${DOCS_USAGE}`;

/** Run a command; returns the exit code (0 ok, 1 errors found, 2 usage error, 3 internal error). */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`firebreak: unknown command \`${name}\`, expected one of: ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
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
