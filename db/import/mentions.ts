import nlp from 'compromise';
import type { Capture } from './parse-capture';

/**
 * What an article names, for the "The news mentions" list. A capture that lists mentions wins:
 * the portal's editors chose them. Otherwise the names are found in the article's own text.
 */

export type MentionKind = 'person' | 'place' | 'organization' | 'topic';

export interface ExtractedMention {
  name: string;
  kind: MentionKind;
  /** How strongly the article is about it: mentions count for found names, rank for listed ones. */
  weight: number;
}

export type MentionSource = Pick<Capture, 'lang' | 'title' | 'originalHeadline' | 'summary' | 'pullQuote' | 'body' | 'mentions'>;

const MAX_MENTIONS = 10;

export function extractMentions(capture: MentionSource): ExtractedMention[] {
  if (capture.mentions.length > 0) return listedMentions(capture.mentions);
  const text = articleText(capture);
  return capture.lang === 'ru' ? russianNames(text) : englishNames(text);
}

/** Listed mentions keep their order: the first gets the highest weight. */
function listedMentions(names: string[]): ExtractedMention[] {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  return unique.map((name, i) => ({ name, kind: 'topic', weight: unique.length - i }));
}

// The byline is left out: the author is not what the article is about.
function articleText(capture: MentionSource): string {
  const parts = [capture.title, capture.originalHeadline, capture.summary, capture.pullQuote, ...capture.body];
  return parts.filter((p): p is string => !!p).join('\n\n');
}

// --- English: compromise finds the names, then they are merged and counted ------------------

interface Entity {
  name: string;
  kind: Exclude<MentionKind, 'topic'>;
  /** Whole-word spellings that count as naming it ("Putin", "Vladimir Putin"). */
  forms: Set<string>;
}

// Long forms and short forms of one country: the article may use either.
const ALIASES: Record<string, string> = {
  'Russian Federation': 'Russia',
  'United States of America': 'United States',
  USA: 'United States',
  'U.S.': 'United States',
  US: 'United States',
  UK: 'United Kingdom',
  'Great Britain': 'United Kingdom',
};

const FINDERS = [
  ['person', (doc: ReturnType<typeof nlp>) => doc.people()],
  ['place', (doc: ReturnType<typeof nlp>) => doc.places()],
  ['organization', (doc: ReturnType<typeof nlp>) => doc.organizations()],
] as const;

interface Found {
  /** The entity's name: the words found, or the country they are another name for. */
  name: string;
  /** The words as the text has them. */
  form: string;
  kind: Entity['kind'];
}

interface JsonTerm {
  text: string;
  tags?: string[];
}

function englishNames(text: string): ExtractedMention[] {
  const found: Found[] = [];
  // Each paragraph on its own: compromise would otherwise join a title to the next paragraph.
  for (const paragraph of text.split('\n\n')) {
    const doc = nlp(paragraph);
    for (const [kind, find] of FINDERS) {
      for (const match of find(doc).json() as Array<{ terms: JsonTerm[] }>) {
        const name = cleanName(match.terms, kind);
        if (name) found.push(ALIASES[name] ? { name: ALIASES[name], form: name, kind: 'place' } : { name, form: name, kind });
      }
    }
  }
  const entities = mergeVariants(found);
  addSurnameSpellings(entities, text);
  return rank(entities, text);
}

/**
 * Turns compromise's match into a bare name: titles and roles ("Defense Minister", "General")
 * and lowercase words at the edges ("territory of Belarus") go, so does a possessive; a match
 * that is only a demonym ("Ukrainian capital" → "Ukrainian") is no name at all.
 */
function cleanName(terms: JsonTerm[], kind: Entity['kind']): string | null {
  let words = terms.map((t) => ({ text: stripPossessive(t.text), tags: t.tags ?? [] }));
  if (kind === 'person') {
    words = words.filter((w) => !w.tags.includes('Honorific') && !(w.tags.includes('Actor') && !w.tags.includes('FirstName')));
  }
  while (words.length > 0 && !isCapitalised(words[0]!.text)) words.shift();
  while (words.length > 0 && !isCapitalised(words.at(-1)!.text)) words.pop();
  const name = words
    .map((w) => w.text)
    .join(' ')
    .trim();
  if (!name || !/\p{L}{2}/u.test(name)) return null;
  if (words.length === 1 && nlp(name).has('#Demonym')) return null;
  return name;
}

function stripPossessive(word: string): string {
  return word
    .replace(/['’]s$/u, '')
    .replace(/(?<=s)['’]$/u, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/(?<=\p{L}{2})\.$/u, '');
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * One entity per person, place or body: a surname alone joins the one full name that ends with
 * it, and spellings one letter apart in a long surname ("Lukashenka"/"Lukashenko",
 * "Aleinik"/"Aleynik") join when the rest of the name agrees. Anything less certain stays apart.
 */
function mergeVariants(found: Found[]): Entity[] {
  const entities: Entity[] = [];
  // Full names first, so that a bare surname seen before its full name still finds it.
  const ordered = [...found].sort((a, b) => wordsOf(b.form).length - wordsOf(a.form).length);
  for (const { name, form, kind } of ordered) {
    // The same words found as two kinds are one thing: the first kind found wins.
    const home = entities.find((e) => e.name === name || e.forms.has(form) || (mayMerge(e.kind, kind) && sameEntity(e, form)));
    if (home) home.forms.add(form);
    else entities.push({ name, kind, forms: new Set([form]) });
  }
  for (const person of entities.filter((e) => e.kind === 'person')) {
    const surname = wordsOf(person.name).at(-1)!;
    if (wordsOf(person.name).length > 1 && !sharesSurname(entities, person, surname)) person.forms.add(surname);
  }
  return entities;
}

// A surname is sometimes taken for an organization ("Scholz's office" → "Scholz"); a place
// named like a person ("Washington") is left alone.
function mayMerge(into: Entity['kind'], kind: Entity['kind']): boolean {
  return into === kind || (into === 'person' && kind === 'organization');
}

/** Surname spellings compromise did not tag as a person ("the position of Lukashenka"). */
function addSurnameSpellings(entities: Entity[], text: string): void {
  const words = new Set(text.match(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
  for (const person of entities.filter((e) => e.kind === 'person' && wordsOf(e.name).length > 1)) {
    const surname = wordsOf(person.name).at(-1)!;
    if (!person.forms.has(surname)) continue; // shared by two people: ambiguous alone
    for (const word of words) if (word !== surname && isSpellingOf(surname, word)) person.forms.add(word);
  }
}

function sameEntity(entity: Entity, name: string): boolean {
  const words = wordsOf(name);
  for (const form of entity.forms) {
    if (form === name) return true;
    const known = wordsOf(form);
    if (entity.kind === 'person' && words.length === 1 && known.length > 1 && isSpellingOf(known.at(-1)!, words[0]!)) return true;
    if (known.length === words.length && known.slice(0, -1).join(' ') === words.slice(0, -1).join(' ') && isSpellingOf(known.at(-1)!, words.at(-1)!)) {
      return true;
    }
  }
  return false;
}

function sharesSurname(entities: Entity[], person: Entity, surname: string): boolean {
  return entities.some((e) => e !== person && e.kind === 'person' && wordsOf(e.name).length > 1 && wordsOf(e.name).at(-1) === surname);
}

/** Equal, or (for words of six letters or more with the same first four) one substitution apart. */
function isSpellingOf(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length || a.length < 6 || a.slice(0, 4) !== b.slice(0, 4)) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

function wordsOf(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/**
 * Weight is how many times the text names the entity in any of its forms; the spellings compromise
 * found are counted in the text itself, since it misses some uses of a name it did recognise.
 */
function rank(entities: Entity[], text: string): ExtractedMention[] {
  const scored = entities.map((entity) => {
    const { count, first } = countForms(entity, text);
    return { entity, count: Math.max(count, 1), first: first ?? Number.MAX_SAFE_INTEGER };
  });
  scored.sort((a, b) => b.count - a.count || a.first - b.first);
  return scored.slice(0, MAX_MENTIONS).map(({ entity, count }) => ({ name: displayName(entity), kind: entity.kind, weight: count }));
}

/**
 * Counts the text's uses of the entity's spellings without counting one use twice: a full name
 * also contains the surname, so only the single-word forms are counted when a person has them,
 * together with any surname spelling variants.
 */
function countForms(entity: Entity, text: string): { count: number; first: number | null } {
  const forms = [...entity.forms];
  const single = forms.filter((f) => wordsOf(f).length === 1);
  const counted = entity.kind === 'person' && single.length > 0 ? single : forms;
  let count = 0;
  let first: number | null = null;
  for (const form of counted) {
    for (const m of text.matchAll(wholeWord(form))) {
      count++;
      first = first === null ? m.index : Math.min(first, m.index);
    }
  }
  return { count, first };
}

function wholeWord(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

/** The fullest form: a person's whole name rather than the surname, the first seen among equals. */
function displayName(entity: Entity): string {
  if (entity.kind !== 'person') return entity.name;
  let best = entity.name;
  for (const form of entity.forms) if (wordsOf(form).length > wordsOf(best).length) best = form;
  return best;
}

// --- Russian: compromise only knows English --------------------------------------------------

// Heuristic for Russian text: a capitalised Cyrillic word that does not start its sentence is
// probably (part of) a name. A run of them ("Владимир Путин") is one name, known by its last word;
// case endings are cut off crudely ("Путина", "Путину" → "Путин"), and only names used at least
// twice are kept, shown in their shortest spelling (usually the nominative). The kind is unknown,
// so they are 'topic'. Good enough to link articles that share names; it is not NER.
const RU_ENDINGS = /(ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ым|им|ах|ях|ов|ев|ую|юю|ая|яя|а|я|у|ю|е|ы|и)$/u;
const RU_CAPITALISED = /^[А-ЯЁ][а-яё]+(-[А-ЯЁ]?[а-яё]+)*$/u;

interface RussianName {
  forms: Map<string, number>;
  count: number;
  first: number;
}

function russianNames(text: string): ExtractedMention[] {
  const names = new Map<string, RussianName>();
  for (const sentence of text.matchAll(/[^.!?…\n]+[.!?…]*/gu)) {
    for (const run of capitalisedRuns(sentence[0])) {
      const last = run.words.at(-1)!;
      const key = last.length > 4 ? last.replace(RU_ENDINGS, '') : last;
      const name = names.get(key) ?? { forms: new Map(), count: 0, first: sentence.index + run.index };
      name.count++;
      name.forms.set(last, (name.forms.get(last) ?? 0) + 1);
      names.set(key, name);
    }
  }
  return [...names.values()]
    .filter((n) => n.count >= 2)
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, MAX_MENTIONS)
    .map((n) => ({ name: shortestForm(n.forms), kind: 'topic' as const, weight: n.count }));
}

/** Runs of adjacent capitalised words, less a sentence's first word (capitalised anyway). */
function capitalisedRuns(sentence: string): Array<{ words: string[]; index: number }> {
  const runs: Array<{ words: string[]; index: number }> = [];
  let run: { words: string[]; index: number } | null = null;
  let isFirst = true;
  for (const word of sentence.matchAll(/[\p{L}-]+/gu)) {
    const counts = !isFirst && RU_CAPITALISED.test(word[0]) && word[0].length >= 3;
    isFirst = false;
    if (!counts) {
      run = null;
      continue;
    }
    if (run) run.words.push(word[0]);
    else runs.push((run = { words: [word[0]], index: word.index }));
  }
  return runs;
}

function shortestForm(forms: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [form, count] of forms) {
    if (!best || form.length < best.length || (form.length === best.length && count > bestCount)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
