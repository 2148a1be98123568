import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMentions, type MentionSource } from './mentions';
import { parseCapture } from './parse-capture';

function realCapture(): MentionSource {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'seed', '000_0f878f7f675210c6.txt'), 'utf8');
  const result = parseCapture(text, { fileName: 'real.txt', capturedAt: new Date('2023-09-24T04:00:00+03:00') });
  if (!result.ok) throw new Error(result.error.message);
  return result.capture;
}

function source(lang: 'en' | 'ru', title: string, body: string[], mentions: string[] = []): MentionSource {
  return { lang, title, originalHeadline: null, summary: null, pullQuote: null, body, mentions };
}

describe('extractMentions', () => {
  it('finds the people and places of the real capture, most named first', () => {
    const found = extractMentions(realCapture());
    expect(found).toEqual([
      { name: 'Vladimir Putin', kind: 'person', weight: 14 },
      { name: 'Minsk', kind: 'place', weight: 13 },
      { name: 'Kiev', kind: 'place', weight: 12 },
      { name: 'Belarus', kind: 'place', weight: 10 },
      // "Russia" (4) and "Russian Federation" (6): one country.
      { name: 'Russia', kind: 'place', weight: 10 },
      { name: 'Ukraine', kind: 'place', weight: 9 },
      // "Alexander Lukashenko", "Lukashenko" (6) and the Belarusian spelling "Lukashenka" (2).
      { name: 'Alexander Lukashenko', kind: 'person', weight: 8 },
      { name: 'Moscow', kind: 'place', weight: 6 },
      { name: 'Dmitry Peskov', kind: 'person', weight: 3 },
      // Ties with Sergei Lavrov and Sergei Aleinik (2 each): named first.
      { name: 'Sergei Shoigu', kind: 'person', weight: 2 },
    ]);
  });

  it('drops titles, roles, possessives and lone demonyms from names', () => {
    const names = extractMentions(realCapture()).map((m) => m.name);
    for (const name of names) expect(name).not.toMatch(/Minister|President|General|spokesman|'s$|Ukrainian|[.,?]$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('merges a surname, a full name and a one-letter spelling variant', () => {
    const found = extractMentions(
      source('en', 'Macron meets Scholz in Berlin', [
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. Macron said the talks were useful. Scholz's office agreed.",
        'The European Union and NATO welcomed the meeting. Lukashenka was not mentioned, nor was Alexander Lukashenko.',
      ]),
    );
    expect(found).toEqual([
      { name: 'Emmanuel Macron', kind: 'person', weight: 3 },
      { name: 'Olaf Scholz', kind: 'person', weight: 3 },
      { name: 'Berlin', kind: 'place', weight: 2 },
      { name: 'Alexander Lukashenko', kind: 'person', weight: 2 },
      { name: 'European Union', kind: 'organization', weight: 1 },
      { name: 'NATO', kind: 'organization', weight: 1 },
    ]);
  });

  it('keeps at most ten', () => {
    const cities = ['Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Budapest', 'Lisbon', 'Athens', 'Dublin', 'Oslo'];
    const found = extractMentions(source('en', 'A tour of Europe', cities.map((c, i) => `The minister went to ${c}.${` He liked ${c}.`.repeat(12 - i)}`)));
    expect(found.map((m) => m.name)).toEqual(cities.slice(0, 10));
  });

  it('uses the mentions a capture lists, weighted by their order', () => {
    const found = extractMentions(source('en', 'Putin in Minsk', ['Vladimir Putin went to Minsk.'], ['Vladimir Putin', 'Belarus', 'Vladimir Putin', 'Ukraine']));
    expect(found).toEqual([
      { name: 'Vladimir Putin', kind: 'topic', weight: 3 },
      { name: 'Belarus', kind: 'topic', weight: 2 },
      { name: 'Ukraine', kind: 'topic', weight: 1 },
    ]);
  });

  it('falls back to repeated capitalised words for Russian text', () => {
    const found = extractMentions(
      source('ru', 'Киев всерьёз обеспокоен визитом Путина в Минск', [
        'Президент России Владимир Путин прибыл сегодня с визитом в Минск, столицу Белоруссии.',
        'Вместе с ним прибыли министр обороны Сергей Шойгу и министр иностранных дел Сергей Лавров. Встреча Путина и Лукашенко продлится весь день.',
        'Ожидается, что Путин и Лукашенко обсудят энергетику. Эксперты считают, что Шойгу подписал в Минске важное соглашение.',
      ]),
    );
    expect(found).toEqual([
      { name: 'Путин', kind: 'topic', weight: 4 },
      { name: 'Минск', kind: 'topic', weight: 3 },
      { name: 'Шойгу', kind: 'topic', weight: 2 },
      { name: 'Лукашенко', kind: 'topic', weight: 2 },
    ]);
  });

  it('finds nothing in text without names', () => {
    expect(extractMentions(source('en', 'what the weather was like', ['it rained all day.']))).toEqual([]);
    expect(extractMentions(source('ru', 'о погоде', ['весь день шёл дождь.']))).toEqual([]);
  });
});
