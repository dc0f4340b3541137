/** The README's scenario table (markdown), built from the core's catalog. */
export function scenarioTable(): string;
