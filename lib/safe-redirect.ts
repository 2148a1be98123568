/**
 * A path on this site, or null. Refuses absolute and protocol-relative URLs, backslash tricks
 * and control characters, so no redirect parameter can send a reader elsewhere.
 */
export function safeLocalPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, 'http://local.invalid');
    if (url.host !== 'local.invalid') return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}
