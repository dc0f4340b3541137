/**
 * Builds the sample tokens: real JWT structure, but UNSIGNED (`alg: none`, empty signature).
 * Graph would reject them; they exist so the page can show a token's claims without a tenant.
 */

/** base64url (RFC 7515, no padding) of UTF-8 text, with browser APIs only. */
export function base64urlOfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `header.payload.` with header `{"typ":"JWT","alg":"none"}`: a token nobody signed. */
export function unsignedJwt(claims: Readonly<Record<string, unknown>>): string {
  const header = { typ: 'JWT', alg: 'none' };
  return `${base64urlOfText(JSON.stringify(header))}.${base64urlOfText(JSON.stringify(claims))}.`;
}
