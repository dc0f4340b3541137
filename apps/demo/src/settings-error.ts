/** A setting the service cannot start without; `setting` names the environment variable. */
export class InvalidSettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSettingError';
  }
}
