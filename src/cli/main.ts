import { applyCommand } from './apply.command';
import { Command, parseArguments } from './arguments';
import { CliIo, processIo } from './cli-io';
import { USAGE, UsageError } from './usage';

/**
 * The `gatehouse` command line, callable in-process: returns the exit status instead of exiting.
 * 0 success, 1 a manifest failed or the server could not be used, 2 a usage error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command: Command = parseArguments(argv, io.env);
    if (command.name === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    return await applyCommand(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gatehouse: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`gatehouse: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** Entry point for bin/gatehouse.js. Sets the exit code rather than exiting, so piped output is flushed. */
export function runFromProcess(): void {
  void runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
