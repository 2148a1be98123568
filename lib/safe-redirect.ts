/**
 * A path on this site, or null. Refuses absolute and protocol-relative URLs, backslash tricks
 * and control characters, so no redirect parameter can send a reader elsewhere. The check is made
 * again on the normalised result: dot segments collapse (`/.//evil.example` → `//evil.example`).
 */
export function safeLocalPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, 'http://local.invalid');
    if (url.host !== 'local.invalid') return null;
    const path = url.pathname + url.search + url.hash;
    return path.startsWith('//') || path.startsWith('/\\') ? null : path;
  } catch {
    return null;
  }
}
