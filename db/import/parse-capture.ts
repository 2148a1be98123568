/**
 * Reads one plain-text capture of a VPK.name article page (see shared/docs/source-format.md) into
 * a Capture. Pure: no I/O, no clock — the caller supplies the file name and the capture time.
 *
 * A capture is read line by line, top to bottom: page chrome, title, counters, image credit, the
 * lead (outlet, original headline and summary run together), pull-quote, byline run into the first
 * paragraph, body, the rights block, the mentions list, more chrome, then the Discussion sidebar.
 * Every non-blank line of the header and body is one page element: the capture lost the markup,
 * and a line break is the only trace left of an element boundary.
 */

export type CaptureLang = 'en' | 'ru';

export interface SidebarEntry {
  /** Time of the thread's latest comment, the year inferred from the capture time. */
  time: Date;
  count: number;
  title: string;
  /** 0-based position in the captured sidebar (newest first): breaks ties between equal times. */
  order: number;
}

export interface Capture {
  fileName: string;
  capturedAt: Date;
  lang: CaptureLang;
  title: string;
  views: number | null;
  comments: number | null;
  rating: number | null;
  imageCredit: string | null;
  outlet: string | null;
  originalHeadline: string | null;
  summary: string | null;
  pullQuote: string | null;
  bylineName: string | null;
  bylineOriginal: string | null;
  body: string[];
  rightsLine: string | null;
  licenceNote: string | null;
  originalLinkText: string | null;
  disclaimer: string | null;
  mentions: string[];
  sidebar: SidebarEntry[];
}

export interface CaptureError {
  /** 1-based; a file that ends too early reports the line just past its last one. */
  line: number;
  message: string;
}

export type ParseResult = { ok: true; capture: Capture } | { ok: false; error: CaptureError };

export interface ParseOptions {
  fileName: string;
  capturedAt: Date;
}

// --- Recognisers for the page's fixed texts, in both languages of the portal ----------------

const LOGIN = /^(войти|вход|log ?in|sign ?in)$/i;
const IMAGE_CREDIT = /^(image source|photo|источник изображения|источник фото|фото)\s*:/i;
const COUNTER = /^[+\-−]?\d[\d \u00A0\u202F]*$/;

const RIGHTS = /^(the rights to this material belong to|права на данный материал принадлежат)/i;
const LICENCE = /^(the material is placed by the copyright holder|материал размещ[её]н правообладателем)/i;
const ORIGINAL = /^(original publication|оригинал публикации)/i;
const DISCLAIMER = /^(inosmi materials|материалы иносми)/i;
const MENTIONS_HEADING = /^(the news mentions|упоминаемые в новости)/i;
const COMMENT_PROMPT = /^(do you want to leave a comment\?|хотите оставить комментарий\?)/i;
const NEWSLETTER = /^(news subscription|подписка на новости)$/i;
const DISCUSSION = /^(discussion|обсуждение)$/i;
const UPDATE_BUTTON = /^(update|обновить)$/i;

const BULLET = /^\s*•\s*/;
const SIDEBAR_TIME = /^\s*•\s*(\d{1,2})\.(\d{1,2})\s+(\d{1,2}):(\d{2})$/;
const SIDEBAR_COUNT = /^\s*•\s*(\d[\d \u00A0\u202F]*)$/;

// NUL, other C0 controls and U+FFFD (what a lenient UTF-8 decoder leaves for invalid bytes).
const BINARY = /[\u0000-\u0008\u000E-\u001F\uFFFD]/;

const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

// --- Line cursor ----------------------------------------------------------------------------

class ParseFailure extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface Line {
  no: number;
  text: string;
}

class Cursor {
  private i = 0;
  constructor(
    private readonly lines: Line[],
    /** Where a line after the last one would be: what an "ends too early" error points at. */
    readonly endLine: number,
  ) {}

  skipBlank(): void {
    while (this.i < this.lines.length && this.lines[this.i]!.text.trim() === '') this.i++;
  }

  /** The next non-blank line, without consuming it. */
  peek(): Line | undefined {
    this.skipBlank();
    return this.lines[this.i];
  }

  next(): Line | undefined {
    const line = this.peek();
    if (line) this.i++;
    return line;
  }
}

// --- Entry point ----------------------------------------------------------------------------

export function parseCapture(text: string, opts: ParseOptions): ParseResult {
  if (Number.isNaN(opts.capturedAt.getTime())) throw new RangeError('parseCapture: capturedAt is not a valid date');
  try {
    return { ok: true, capture: parseText(text, opts) };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: { line: err.line, message: err.message } };
    throw err;
  }
}

function parseText(raw: string, opts: ParseOptions): Capture {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  checkIsText(text);
  const cursor = toCursor(text);

  const header = readHeader(cursor);
  const paragraphs = readParagraphs(cursor);
  const article = assignParagraphs(paragraphs, cursor);
  const footer = readFooter(cursor, opts.capturedAt);

  return {
    fileName: opts.fileName,
    capturedAt: opts.capturedAt,
    lang: detectLang(header.title, article.body),
    ...header,
    ...article,
    ...footer,
  };
}

function checkIsText(text: string): void {
  const junk = BINARY.exec(text);
  if (junk) throw new ParseFailure(lineOf(text, junk.index), 'not a UTF-8 text file');
  if (text.trim() === '') throw new ParseFailure(1, 'file is empty');
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n|\r|\n/).length;
}

function toCursor(text: string): Cursor {
  const raw = text.split(/\r\n|\r|\n/);
  const lines = raw.map((t, i) => ({ no: i + 1, text: t.trimEnd() }));
  const endsWithBreak = /[\r\n]$/.test(text);
  return new Cursor(lines, endsWithBreak ? raw.length : raw.length + 1);
}

// --- Header: chrome, title, counters, image credit -----------------------------------------

interface Header {
  title: string;
  views: number | null;
  comments: number | null;
  rating: number | null;
  imageCredit: string | null;
}

function readHeader(cursor: Cursor): Header {
  if (LOGIN.test(cursor.peek()?.text.trim() ?? '')) cursor.next();

  const titleLine = cursor.next();
  if (!titleLine) throw new ParseFailure(cursor.endLine, 'expected the article title, but the file ends');
  const title = titleLine.text.trim();
  if (BULLET.test(titleLine.text) || COUNTER.test(title) || IMAGE_CREDIT.test(title) || isFooterStart(titleLine.text)) {
    throw new ParseFailure(titleLine.no, `expected the article title, found "${clip(title)}"`);
  }

  // Counters come in page order (views, comments, rating); a capture may lack some or all.
  const counters: number[] = [];
  while (counters.length < 3 && COUNTER.test(cursor.peek()?.text.trim() ?? '')) {
    counters.push(toInt(cursor.next()!.text));
  }

  const creditLine = cursor.peek();
  const imageCredit = creditLine && IMAGE_CREDIT.test(creditLine.text.trim()) ? cursor.next()!.text.trim() : null;

  return {
    title,
    views: counters[0] ?? null,
    comments: counters[1] ?? null,
    rating: counters[2] ?? null,
    imageCredit,
  };
}

function toInt(text: string): number {
  return Number.parseInt(text.replace(/[\s\u00A0\u202F]/g, '').replace('−', '-'), 10);
}

// --- Article: lead, pull-quote, byline, body -----------------------------------------------

/** True for a line that can only belong to the page below the article. */
function isFooterStart(line: string): boolean {
  const t = line.replace(BULLET, '').trim();
  return (
    RIGHTS.test(t) ||
    LICENCE.test(t) ||
    ORIGINAL.test(t) ||
    DISCLAIMER.test(t) ||
    (BULLET.test(line) && MENTIONS_HEADING.test(t)) ||
    COMMENT_PROMPT.test(t) ||
    NEWSLETTER.test(t) ||
    (BULLET.test(line) && DISCUSSION.test(t)) ||
    SIDEBAR_TIME.test(line)
  );
}

function readParagraphs(cursor: Cursor): Line[] {
  const paragraphs: Line[] = [];
  for (let line = cursor.peek(); line && !isFooterStart(line.text); line = cursor.peek()) {
    paragraphs.push({ no: line.no, text: line.text.trim() });
    cursor.next();
  }
  if (!cursor.peek()) {
    const what = paragraphs.length === 0 ? 'the article text' : 'the rights block ("The rights to this material belong to")';
    throw new ParseFailure(cursor.endLine, `the file is cut short: expected ${what}, but the file ends`);
  }
  return paragraphs;
}

interface Article {
  outlet: string | null;
  originalHeadline: string | null;
  summary: string | null;
  pullQuote: string | null;
  bylineName: string | null;
  bylineOriginal: string | null;
  body: string[];
}

function assignParagraphs(paragraphs: Line[], cursor: Cursor): Article {
  const queue = paragraphs.map((p) => p.text);
  const lead = queue[0] !== undefined && !splitByline(queue[0]) ? splitLead(queue.shift()!) : null;
  // The template always shows a pull-quote between the lead and the byline; without a byline to
  // anchor it, the second element is still taken as the quote as long as body text follows.
  const pullQuote = queue.length > 1 && !splitByline(queue[0]!) ? queue.shift()! : null;
  const byline = queue[0] !== undefined ? splitByline(queue[0]) : null;
  if (byline) {
    queue.shift();
    if (byline.rest) queue.unshift(byline.rest);
  }
  if (queue.length === 0) {
    const at = cursor.peek()?.no ?? cursor.endLine;
    throw new ParseFailure(at, 'expected the article body before the page footer');
  }
  return {
    outlet: lead?.outlet ?? null,
    originalHeadline: lead?.headline ?? null,
    summary: lead?.summary ?? null,
    pullQuote,
    bylineName: byline?.name ?? null,
    bylineOriginal: byline?.original ?? null,
    body: queue,
  };
}

// `Name (Name in original script)` run into the paragraph. The paragraph must follow the ")"
// with no space: a spaced "NATO (the alliance) said" is ordinary prose, not a byline.
const BYLINE = /^(\p{Lu}[\p{L}\p{M}.'’\- ]{0,58}[\p{L}\p{M}.]) \(([\p{L}\p{M}.'’\- ]{2,80})\)(?:(?=\S)(.+))?$/u;

export function splitByline(paragraph: string): { name: string; original: string; rest: string | null } | null {
  const m = BYLINE.exec(paragraph);
  if (!m) return null;
  const name = m[1]!.trim();
  if (name.split(/\s+/).length > 5) return null;
  return { name, original: m[2]!.trim(), rest: m[3]?.trim() || null };
}

const OUTLET_PREFIX = /^([^:]{1,60}?):\s+(\S[\s\S]*)$/;

export function splitLead(lead: string): { outlet: string | null; headline: string | null; summary: string } {
  const m = OUTLET_PREFIX.exec(lead);
  const outlet = m?.[1]?.trim();
  if (!m || !outlet || !looksLikeOutlet(outlet)) return { outlet: null, headline: null, summary: lead };
  const rest = m[2]!;
  const at = headlineBoundary(rest);
  if (at === null) return { outlet, headline: null, summary: rest };
  return { outlet, headline: rest.slice(0, at), summary: rest.slice(at) };
}

function looksLikeOutlet(name: string): boolean {
  return /^[\p{L}\p{N}"«]/u.test(name) && name.split(/\s+/).length <= 6 && !/[.!?]\s/.test(name);
}

// Letters that begin a surname or brand in camel case ("McCain", "DeSantis", "ИноСМИ"): a lower-
// to-upper step after one of these is part of a word, not a lost line break.
const NAME_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'le', 'la', 'van', 'von', 'o', 'ино', 'фон', 'ван', 'де', 'ле', 'ла']);

/**
 * Where the original headline ends and the summary begins in "HeadlineSummary…": the first place
 * a lowercase letter, digit or closing punctuation is followed by a capital (or an opening quote
 * and a capital) with no space, that
 * leaves words on both sides and is not a camel-case word. All-capital words ("…NATOThe") are a
 * fallback, split before the last capital.
 */
export function headlineBoundary(text: string): number | null {
  const primary = /(?<=[\p{Ll}\p{N})"»'’.!?…])(?=[«“„]?\p{Lu})/gu;
  const acronym = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/gu;
  for (const pattern of [primary, acronym]) {
    for (const m of text.matchAll(pattern)) {
      if (isPlausibleBoundary(text, m.index)) return m.index;
    }
  }
  return null;
}

function isPlausibleBoundary(text: string, at: number): boolean {
  const left = text.slice(0, at);
  const right = text.slice(at);
  if (wordCount(left) < 2 || wordCount(right) < 3) return false;

  const leftWord = /[\p{L}\p{M}]*[^\p{L}\p{M}\s]?$/u.exec(left)![0];
  const leftLetters = leftWord.replace(/[^\p{L}\p{M}]/gu, '');
  if (NAME_PREFIXES.has(leftLetters.toLowerCase())) return false;
  // "iPhone", "eBay"; and "U.S.Army": a single letter before the step is an abbreviation.
  if (leftLetters.length === 1) return false;

  // A camel-case word seen elsewhere in the text is a real word ("YouTube"), not a seam.
  const rightWord = /^[\p{L}\p{M}]+/u.exec(right)?.[0] ?? '';
  const joined = leftWord + rightWord;
  if (/^[\p{L}\p{M}]+$/u.test(joined) && occurrences(text, joined) > 1) return false;
  return true;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

// --- Footer: rights block, mentions, chrome, sidebar ---------------------------------------

interface Footer {
  rightsLine: string | null;
  licenceNote: string | null;
  originalLinkText: string | null;
  disclaimer: string | null;
  mentions: string[];
  sidebar: SidebarEntry[];
}

function readFooter(cursor: Cursor, capturedAt: Date): Footer {
  const footer: Footer = {
    rightsLine: null,
    licenceNote: null,
    originalLinkText: null,
    disclaimer: null,
    mentions: [],
    sidebar: [],
  };
  for (let line = cursor.peek(); line; line = cursor.peek()) {
    if (SIDEBAR_TIME.test(line.text)) {
      footer.sidebar = readSidebar(cursor, capturedAt);
      break;
    }
    cursor.next();
    const t = line.text.replace(BULLET, '').trim();
    if (RIGHTS.test(t)) footer.rightsLine = t;
    else if (LICENCE.test(t)) footer.licenceNote = t;
    else if (ORIGINAL.test(t)) footer.originalLinkText = t;
    else if (DISCLAIMER.test(t)) footer.disclaimer = t;
    else if (MENTIONS_HEADING.test(t)) footer.mentions = readMentions(cursor);
    else if (NEWSLETTER.test(t)) skipNewsletterDescription(cursor);
    else if (COMMENT_PROMPT.test(t) || DISCUSSION.test(t) || UPDATE_BUTTON.test(t)) continue;
    else throw new ParseFailure(line.no, `unexpected text below the article: "${clip(t)}"`);
  }
  return footer;
}

function isChrome(line: string): boolean {
  const t = line.replace(BULLET, '').trim();
  return isFooterStart(line) || DISCUSSION.test(t) || UPDATE_BUTTON.test(t) || MENTIONS_HEADING.test(t);
}

/** The items under "The news mentions": bullets, or plain lines, up to the next piece of chrome. */
function readMentions(cursor: Cursor): string[] {
  const items: string[] = [];
  for (let line = cursor.peek(); line && !isChrome(line.text) && !SIDEBAR_COUNT.test(line.text); line = cursor.peek()) {
    cursor.next();
    const item = line.text.replace(BULLET, '').trim();
    if (item && !items.includes(item)) items.push(item);
  }
  return items;
}

/** The newsletter box has a one-line description under its heading; it is chrome too. */
function skipNewsletterDescription(cursor: Cursor): void {
  const next = cursor.peek();
  if (next && !isChrome(next.text) && !BULLET.test(next.text)) cursor.next();
}

function readSidebar(cursor: Cursor, capturedAt: Date): SidebarEntry[] {
  const entries: SidebarEntry[] = [];
  for (let timeLine = cursor.next(); timeLine; timeLine = cursor.next()) {
    const time = parseSidebarTime(timeLine, capturedAt);
    const where = `sidebar entry at line ${timeLine.no}`;

    const countLine = cursor.next();
    if (!countLine) throw new ParseFailure(timeLine.no, `${where} is cut short: missing the comment count`);
    const count = SIDEBAR_COUNT.exec(countLine.text);
    if (!count) throw new ParseFailure(countLine.no, `${where}: expected the comment count ("  • N"), found "${clip(countLine.text.trim())}"`);

    const titleLine = cursor.next();
    if (!titleLine) throw new ParseFailure(timeLine.no, `${where} is cut short: missing the thread title`);
    if (BULLET.test(titleLine.text)) throw new ParseFailure(titleLine.no, `${where} has no thread title`);

    entries.push({ time, count: toInt(count[1]!), title: titleLine.text.trim(), order: entries.length });
  }
  return entries;
}

function parseSidebarTime(line: Line, capturedAt: Date): Date {
  const m = SIDEBAR_TIME.exec(line.text);
  if (!m) {
    throw new ParseFailure(line.no, `expected a sidebar entry time ("  • dd.mm hh:mm"), found "${clip(line.text.trim())}"`);
  }
  const [day, month, hour, minute] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const time = month >= 1 && month <= 12 && hour <= 23 && minute <= 59 ? inferYear(day, month, hour, minute, capturedAt) : null;
  if (!time) throw new ParseFailure(line.no, `sidebar time "${clip(line.text.trim())}" is not a valid date`);
  return time;
}

/**
 * The sidebar shows no year: take the latest one that does not put the time (Moscow, UTC+3, no
 * DST since 2014) after the capture. Years where the date does not exist (29.02) are skipped.
 */
export function inferYear(day: number, month: number, hour: number, minute: number, capturedAt: Date): Date | null {
  const latestYear = new Date(capturedAt.getTime() + MOSCOW_OFFSET_MS).getUTCFullYear();
  for (let year = latestYear; year >= latestYear - 8; year--) {
    const local = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) continue;
    const utc = local.getTime() - MOSCOW_OFFSET_MS;
    if (utc <= capturedAt.getTime()) return new Date(utc);
  }
  return null;
}

// --- Helpers --------------------------------------------------------------------------------

/** Mostly Cyrillic letters in the title and body make a Russian article. */
function detectLang(title: string, body: string[]): CaptureLang {
  let cyrillic = 0;
  let latin = 0;
  for (const text of [title, ...body]) {
    cyrillic += text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
    latin += text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  }
  return cyrillic > latin ? 'ru' : 'en';
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
