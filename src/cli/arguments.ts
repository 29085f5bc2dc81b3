import { DEFAULT_SERVER, UsageError } from './usage';

export interface ApplyArguments {
  name: 'apply';
  paths: string[];
  server: string;
  token?: string;
}

export type Command = { name: 'help' } | ApplyArguments;

const HELP_FLAGS = new Set(['-h', '--help']);

/** Options of `apply` and the field each fills; long forms also accept `--option=value`. */
const APPLY_OPTIONS: Record<string, 'paths' | 'server' | 'token'> = {
  '-f': 'paths',
  '--filename': 'paths',
  '--server': 'server',
  '--token': 'token',
};

/** Turns argv (without `node` and the script) into a command; throws UsageError on any mistake. */
export function parseArguments(argv: string[], env: Record<string, string | undefined>): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command');
  if (command === 'help' || HELP_FLAGS.has(command)) return { name: 'help' };
  if (command !== 'apply') throw new UsageError(`unknown command "${command}"`);
  if (rest.some((arg) => HELP_FLAGS.has(arg))) return { name: 'help' };
  return parseApply(rest, env);
}

function parseApply(args: string[], env: Record<string, string | undefined>): ApplyArguments {
  const paths: string[] = [];
  let server: string | undefined;
  let token: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const field = APPLY_OPTIONS[flag];
    if (!field) throw new UsageError(arg.startsWith('-') ? `unknown option ${flag}` : `unexpected argument "${arg}" (files are given with -f)`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (field === 'paths') paths.push(value);
    else if (field === 'server') server = value;
    else token = value;
  }
  if (paths.length === 0) throw new UsageError('apply needs at least one -f <file-or-folder>');
  return {
    name: 'apply',
    paths,
    server: serverUrl(server ?? env.GATEHOUSE_URL ?? DEFAULT_SERVER, server !== undefined ? '--server' : 'GATEHOUSE_URL'),
    token: token ?? (env.GATEHOUSE_TOKEN || undefined),
  };
}

/** The base URL without a trailing slash, so API paths can be appended; a base path is kept. */
function serverUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} must be an http(s) URL such as ${DEFAULT_SERVER}, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${source} must be an http(s) URL, not "${value}"`);
  return url.href.replace(/\/+$/, '');
}
