/**
 * Bad input the CLI itself detects (unreadable file, JSON that is not JSON, a HAR without the
 * entry asked for). Like the core's typed errors, it becomes one line on stderr and exit code 2:
 * users pasting a payload should never see a stack trace.
 */
export class InputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputError';
  }
}
