// The process's edges, passed in so commands can be run and tested without a real terminal.

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour on stdout (a TTY without NO_COLOR, or FORCE_COLOR). */
  color: boolean;
  /** Both stdin and stdout are terminals and CI is unset: prompting is allowed. */
  interactive: boolean;
}

/** The real process. */
export function processIo(): Io {
  const env = process.env;
  // `firebreak check | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const tty = process.stdout.isTTY === true;
  return {
    cwd: process.cwd(),
    env,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    color: env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' ? true : tty && env.NO_COLOR === undefined && env.TERM !== 'dumb',
    interactive: tty && process.stdin.isTTY === true && !env.CI,
  };
}
