// The 404 answer for pages that call notFound() (plain JS: loaded by serve.mjs).
//
// Next 16 renders such a page as a bare error document, `<html id="__next_error__">` with an empty
// body, and draws the not-found notice with JavaScript (vercel/next.js#98954, #62228): without
// JavaScript the reader sees a blank page. Unmatched addresses do get real HTML, the prerendered
// app/global-not-found.tsx; this swaps that document in for the bare one. Status stays 404.
import fs from 'node:fs';
import path from 'node:path';

const BARE_ERROR_DOCUMENT = /^<!DOCTYPE html><html id="__next_error__">/i;

export function createNotFoundDocument(dir = process.cwd()) {
  const file = path.join(dir, '.next', 'server', 'app', '_not-found.html');
  let document;
  /** The body to send instead of `body`, or undefined to send `body` as it is. */
  return function replacementFor(status, body) {
    if (status !== 404 || !BARE_ERROR_DOCUMENT.test(body.subarray(0, 64).toString('latin1'))) return undefined;
    if (document === undefined) {
      try {
        document = fs.readFileSync(file);
      } catch {
        document = null; // no prerendered page in this build: keep Next's own answer
      }
    }
    return document ?? undefined;
  };
}
