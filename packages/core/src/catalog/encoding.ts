/**
 * The compact encoding of data.generated.ts, and its decoder. Strings rather than nested JSON
 * arrays keep the module small (under 0.5 MB for 917 permissions, 7,343 templates) and fast to
 * load; grants are decoded only for the templates a lookup reaches.
 *
 * - Templates: sorted, one a line: `<shared parts, base 36>\t<rest>\t<grants>`, where the first
 *   parts (split on `/`) are those of the previous template, so the trie reuses their nodes.
 * - A grant: `<permission index>.<head>[.<least scheme mask>[.<alsoRequires index>]]` (base 36),
 *   head = `schemeMask * 32 + methodMask`. Bit i of a scheme mask is `permissionSchemes[i]`, of a
 *   method mask `httpMethods[i]`.
 * - A permission: `[name, kind (0 oAuth2, 1 RSC), scheme facts]`, scheme facts
 *   `[scheme index, privilegeLevel (0 = not in the data), admin consent 0/1, GUID, display name]`.
 */
import { httpMethods, permissionSchemes, type HttpMethod, type PermissionScheme } from '../types.js';

export type EncodedSchemeFacts = readonly [number, number, number, string, string];
export type EncodedPermission = readonly [string, number, readonly EncodedSchemeFacts[]];

/** One permission granting one template, decoded. */
export interface PathGrant {
  readonly permission: number;
  readonly schemeMask: number;
  readonly methodMask: number;
  readonly leastMask: number;
  readonly alsoRequires: readonly string[] | undefined;
}

/** One line of the template table, its grants still encoded. */
export interface EncodedTemplate {
  readonly sharedParts: number;
  readonly rest: string;
  readonly grants: string;
}

export function splitTemplateLines(encoded: string): EncodedTemplate[] {
  return encoded.split('\n').map((line) => {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    return { sharedParts: parseInt(line.slice(0, first), 36), rest: line.slice(first + 1, second), grants: line.slice(second + 1) };
  });
}

/** The templates' full text, in table order. */
export function decodeTemplates(encoded: string): string[] {
  let previous: string[] = [];
  return splitTemplateLines(encoded).map(({ sharedParts, rest }) => {
    previous = [...previous.slice(0, sharedParts), ...rest.split('/')];
    return previous.join('/');
  });
}

export function decodeGrants(encoded: string, alsoRequiresTable: readonly string[]): PathGrant[] {
  if (encoded === '') return [];
  return encoded.split(',').map((entry) => {
    const [permission = '', head = '0', least = '0', also] = entry.split('.');
    const headBits = parseInt(head, 36);
    return {
      permission: parseInt(permission, 36),
      schemeMask: headBits >> 5,
      methodMask: headBits & 31,
      leastMask: Number(least),
      alsoRequires: also === undefined ? undefined : alsoRequiresTable[parseInt(also, 36)]?.split(','),
    };
  });
}

export function schemeBit(scheme: PermissionScheme): number {
  return 1 << permissionSchemes.indexOf(scheme);
}

export function methodBit(method: HttpMethod): number {
  return 1 << httpMethods.indexOf(method);
}

export function schemeAt(index: number): PermissionScheme | undefined {
  return permissionSchemes[index];
}
