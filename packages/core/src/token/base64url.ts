/**
 * A small base64url decoder that runs in Node and in browsers alike (atob + TextDecoder, no
 * Buffer), strict enough to tell a real JWT segment from junk.
 */

const base64urlAlphabet = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether `text` is unpadded base64url of a whole number of bytes (JWS uses no padding). */
export function isBase64url(text: string): boolean {
  return base64urlAlphabet.test(text) && text.length % 4 !== 1;
}

/** The bytes of a base64url string; call only after `isBase64url`. */
export function base64urlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The UTF-8 text of a base64url string, or undefined when the bytes are not valid UTF-8. */
export function base64urlToText(text: string): string | undefined {
  try {
    return utf8.decode(base64urlToBytes(text));
  } catch {
    return undefined;
  }
}
