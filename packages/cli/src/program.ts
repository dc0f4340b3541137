import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { decodeCommand } from './commands/decode.js';
import { explainCommand } from './commands/explain.js';
import { permissionsCommand, schemeOptions, type SchemeOption } from './commands/permissions.js';
import { InputError } from './errors.js';
import { readInput, readValue, type CliIo } from './io.js';
import { badInput, type CommandResult } from './result.js';
import { colorEnabled, styleFor, type Style } from './style.js';

const explainExamples = `
Examples:
  $ graph-authz explain response.json
  $ curl -si https://graph.microsoft.com/v1.0/me -H "Authorization: Bearer $TOKEN" | graph-authz explain --token "$TOKEN"
  $ graph-authz explain capture.har --entry 12
  $ graph-authz explain body.json --request "PATCH https://graph.microsoft.com/v1.0/users/42" --token @token.txt --json

Input: a JSON body (Graph or the token endpoint), the output of curl -i or curl -v, or a HAR file or entry.
Exit codes: 0 scenario identified, 1 could not tell, 2 bad input.
`;

const permissionsExamples = `
Examples:
  $ graph-authz permissions GET /users
  $ graph-authz permissions POST https://graph.microsoft.com/v1.0/me/sendMail --scheme delegated
  $ graph-authz permissions get "/users/{id}/messages?$top=5" --json

Exit codes: 0 permissions listed, 1 unknown operation or not callable with --scheme, 2 bad input.
`;

const decodeExamples = `
Examples:
  $ graph-authz decode eyJ0eXAiOiJKV1Qi...
  $ graph-authz decode @token.txt
  $ az account get-access-token --resource-type ms-graph --query accessToken -o tsv | graph-authz decode -

The signature is not checked: decode only reads what the token says.
Exit codes: 0 no problem visible, 1 the token shows problems (expired, not for Graph, no scp/roles), 2 not a JWT.
`;

interface GlobalOptions {
  readonly color?: boolean;
}

/**
 * Runs the CLI with argv (without node and the script) and returns the exit code. Every failure
 * becomes a message and a code: bad input 2, a bug 3, never a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let exitCode = 0;
  const report = (result: CommandResult): void => {
    io.stdout(result.stdout);
    io.stderr(result.stderr);
    exitCode = result.exitCode;
  };
  const program = createProgram(io, report).version(version, '-V, --version');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return failureCode(error, io);
  }
}

function failureCode(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message; help and version are not failures.
    return error.exitCode === 0 ? 0 : 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`graph-authz: internal error: ${message}\nThis is a bug in graph-authz; please report it with the input that caused it.\n`);
  return 3;
}

export function createProgram(io: CliIo, report: (result: CommandResult) => void): Command {
  const program = new Command('graph-authz')
    .description('Explain Microsoft Graph 401/403/400 errors, list the permissions an operation needs, decode access tokens.')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const style = (): Style => styleFor(program.opts<GlobalOptions>().color !== false && colorEnabled({ isTTY: io.stdoutIsTTY, env: io.env }));

  program
    .command('explain')
    .description('explain an error response: the scenario, the evidence, the fix and the docs')
    .argument('[file]', 'response body, curl -i output or HAR; - or nothing for stdin')
    .option('--token <jwt|@file>', 'the access token the failing call sent')
    .option('--request <"METHOD URL">', 'the failing call, e.g. "GET https://graph.microsoft.com/v1.0/me"')
    .option('--status <code>', 'the HTTP status, when the input is a bare body', parseStatus)
    .option('--entry <n>', 'which HAR entry to explain (1-based; default: the last failing one)', parsePositive)
    .option('--json', 'machine-readable output')
    .addHelpText('after', explainExamples)
    .action(async (file: string | undefined, options: { token?: string; request?: string; status?: number; entry?: number; json?: boolean }) => {
      report(
        await readingInput('explain', async () => {
          const text = await readInput(io, file, 'response');
          const token = options.token === undefined ? undefined : await readValue(io, options.token, 'token');
          return explainCommand(text, { ...options, token, now: io.now(), style: style() });
        }),
      );
    });

  program
    .command('permissions')
    .description('the least-privileged and every other permission that grants a Graph operation')
    .argument('<method>', 'HTTP method: GET, POST, PATCH, PUT or DELETE')
    .argument('<url>', 'Graph URL or path, e.g. /users/{id} or https://graph.microsoft.com/v1.0/me/messages')
    .addOption(new Option('--scheme <scheme>', 'only this permission type').choices(Object.keys(schemeOptions)))
    .option('--json', 'machine-readable output')
    .addHelpText('after', permissionsExamples)
    .action((method: string, url: string, options: { scheme?: SchemeOption; json?: boolean }) => {
      report(permissionsCommand(method, url, { ...options, style: style() }));
    });

  program
    .command('decode')
    .description("decode an access token: audience, kind, scopes or roles, expiry, CAE, the problems it shows")
    .argument('<token>', 'the JWT, @file, or - for stdin')
    .option('--json', 'machine-readable output')
    .addHelpText('after', decodeExamples)
    .action(async (value: string, options: { json?: boolean }) => {
      report(
        await readingInput('decode', async () => decodeCommand(await readValue(io, value, 'token'), { ...options, now: io.now(), style: style() })),
      );
    });

  return program;
}

/** Reading a file or stdin can fail before the command runs; that too is bad input, exit 2. */
async function readingInput(command: string, produce: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await produce();
  } catch (error) {
    if (error instanceof InputError) return badInput(command, error.message);
    throw error;
  }
}

function parseStatus(value: string): number {
  const status = Number(value);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new InvalidArgumentError('expected an HTTP status such as 401');
  return status;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number from 1');
  return n;
}
