import { expect } from '@playwright/test';

// What "hostile text is inert" means in markup, shared by the pages (xss.spec.ts) and the digest
// e-mail (digest-xss.spec.ts): the text is there, escaped, and nothing of it runs.

/** How React writes text and attribute values. */
export const escapeReact = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** `shown`: texts the markup must show, written as `escape` (React's escaping unless told) writes them. */
export type Check = { label: string; shown: string[]; escape?: (s: string) => string };

/**
 * Attributes in `markup` that would run script: event handlers (those holding `m`; every one when
 * `m` is null) and links, sources or form targets with a `javascript:` URL.
 */
export function scriptingAttributes(markup: string, m: string | null): string[] {
  const offending: string[] = [];
  for (const tag of markup.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    for (const [, name, value = ''] of tag[1]!.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      if (/^on/i.test(name!) && (m === null || value.includes(m))) offending.push(`${name}=${value}`);
      if (/^(href|src|action|formaction)$/i.test(name!) && /^["']?\s*javascript:/i.test(value)) offending.push(`${name}=${value}`);
    }
  }
  return offending;
}

/**
 * The markup (scripts aside) never holds a payload raw and shows `shown` as escaped text.
 * A script may carry the marker only as Next's data (`self.__next_f.push(…)`, with `<` escaped).
 */
export function expectInert(html: string, m: string, payloads: string[], check: Check) {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((s) => s[1]!);
  for (const body of scripts.filter((b) => b.includes(m))) {
    expect(body.startsWith('self.__next_f.push('), `${check.label}: a script carries the payload: ${body.slice(0, 200)}`).toBe(true);
    expect(body, `${check.label}: raw < in a data script`).not.toContain('<');
  }
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (s) => (s.includes(m) ? '' : s));
  for (const p of payloads.filter((x) => /[<>"']/.test(x))) expect(markup, `${check.label}: raw ${p}`).not.toContain(p);
  // Attribute by attribute: no handler holds the marker, no link or source runs script.
  expect(scriptingAttributes(markup, m), `${check.label}: attributes that would run script`).toEqual([]);
  const escape = check.escape ?? escapeReact;
  for (const s of check.shown) expect(markup, `${check.label}: shows ${s} as text`).toContain(escape(s));
}
