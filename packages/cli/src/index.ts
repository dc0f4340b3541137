// The CLI's commands as functions (input text -> output text + exit code), for tests and for
// tools that want graph-authz's reports without spawning the binary.
export { explainCommand, normaliseToken, parseRequestOption, type ExplainOptions } from './commands/explain.js';
export { permissionsCommand, schemeOptions, type PermissionsOptions, type SchemeOption } from './commands/permissions.js';
export { decodeCommand, tokenProblems, type DecodeOptions, type TokenProblem } from './commands/decode.js';
export { parseReceived, statusFromCatalog, type ReceivedInput, type ReceivedOptions } from './received.js';
export { parseHttpTranscript, type HttpTranscript } from './http-text.js';
export { InputError } from './errors.js';
export { run, createProgram } from './program.js';
export { processIo, type CliIo } from './io.js';
export { colorEnabled, ansiStyle, plainStyle, type Style } from './style.js';
export type { CommandResult, ExitCode } from './result.js';
