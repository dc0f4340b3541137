/**
 * Tiny ANSI helpers instead of a colour library: five styles are all the CLI needs, and keeping
 * them here makes "colour only on a TTY, never with NO_COLOR" one decision in one place.
 */

export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const identity = (text: string): string => text;

export const ansiStyle: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

export const plainStyle: Style = {
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
  cyan: identity,
};

export interface ColorContext {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * https://no-color.org: a non-empty NO_COLOR always wins. FORCE_COLOR (not "0") turns colour on
 * for pipes, which is how tests and CI logs opt in; otherwise colour only on a terminal.
 */
export function colorEnabled({ isTTY, env }: ColorContext): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

export function styleFor(enabled: boolean): Style {
  return enabled ? ansiStyle : plainStyle;
}
