import { parseArguments } from './arguments';
import { DEFAULT_SERVER, UsageError } from './usage';

const parse = (argv: string[], env: Record<string, string> = {}) => parseArguments(argv, env);
const usageError = (argv: string[]) => {
  try {
    parse(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
};

describe('parseArguments', () => {
  it.each([[['help']], [['--help']], [['-h']], [['apply', '--help']], [['apply', '-f', 'x', '-h']]])('%p asks for help', (argv) => {
    expect(parse(argv)).toEqual({ name: 'help' });
  });

  it('collects every -f / --filename in order, in both option spellings', () => {
    expect(parse(['apply', '-f', 'a', '--filename', 'b', '--filename=c'])).toMatchObject({ name: 'apply', paths: ['a', 'b', 'c'] });
  });

  it('takes server and token from options before the environment, and the default server last', () => {
    const env = { GATEHOUSE_URL: 'http://env:1', GATEHOUSE_TOKEN: 'env-token' };
    expect(parse(['apply', '-f', 'a'], env)).toEqual({ name: 'apply', paths: ['a'], server: 'http://env:1', token: 'env-token' });
    expect(parse(['apply', '-f', 'a', '--server', 'https://gh.example.com/', '--token=flag-token'], env)).toMatchObject({
      server: 'https://gh.example.com',
      token: 'flag-token',
    });
    expect(parse(['apply', '-f', 'a'])).toEqual({ name: 'apply', paths: ['a'], server: DEFAULT_SERVER, token: undefined });
  });

  it('keeps a base path of the server URL', () => {
    expect(parse(['apply', '-f', 'a', '--server', 'https://proxy.example.com/gatehouse/'])).toMatchObject({ server: 'https://proxy.example.com/gatehouse' });
  });

  it.each([
    [[], /missing command/],
    [['deploy'], /unknown command "deploy"/],
    [['apply'], /at least one -f/],
    [['apply', '-f'], /-f needs a value/],
    [['apply', '--filename='], /--filename needs a value/],
    [['apply', '-f', 'a', '--dry-run'], /unknown option --dry-run/],
    [['apply', '-f', 'a', 'b'], /unexpected argument "b"/],
    [['apply', '-f', 'a', '--server', 'localhost:7400'], /--server must be an http\(s\) URL/],
    [['apply', '-f', 'a', '--server', 'not a url'], /--server must be an http\(s\) URL/],
  ])('refuses %p', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('names GATEHOUSE_URL when the environment holds a bad URL', () => {
    expect(() => parse(['apply', '-f', 'a'], { GATEHOUSE_URL: 'nope' })).toThrow(/GATEHOUSE_URL must be/);
  });
});
