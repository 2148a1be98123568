import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineBoundary, inferYear, parseCapture, splitByline, splitLead, type Capture, type CaptureError } from './parse-capture';

const REAL_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'seed', '000_0f878f7f675210c6.txt'), 'utf8');
/** 2023-09-24 04:00 Moscow time: just after the newest sidebar entry (24.09 03:54). */
const CAPTURED_AT = new Date('2023-09-24T04:00:00+03:00');

/** `realLines()[n - 1]` is line n of the file. */
function realLines(): string[] {
  return REAL_TEXT.split('\n');
}

/** The real file with lines `from`..`to` (1-based, inclusive) replaced by `insert`. */
function editLines(from: number, to: number, ...insert: string[]): string {
  const lines = realLines();
  lines.splice(from - 1, to - from + 1, ...insert);
  return lines.join('\n');
}

/** The real file cut off after line `last`, as an interrupted download would leave it. */
function cutAfter(last: number): string {
  return realLines().slice(0, last).join('\n');
}

function parseOk(text: string, capturedAt = CAPTURED_AT): Capture {
  const result = parseCapture(text, { fileName: 'test.txt', capturedAt });
  if (!result.ok) throw new Error(`expected a capture, got line ${result.error.line}: ${result.error.message}`);
  return result.capture;
}

function parseError(text: string, capturedAt = CAPTURED_AT): CaptureError {
  const result = parseCapture(text, { fileName: 'test.txt', capturedAt });
  if (result.ok) throw new Error('expected a parse error, got a capture');
  return result.error;
}

const real = parseOk(REAL_TEXT);

describe('parseCapture on the real capture', () => {
  it('reads the header', () => {
    expect(real.fileName).toBe('test.txt');
    expect(real.capturedAt).toEqual(CAPTURED_AT);
    expect(real.lang).toBe('en');
    expect(real.title).toBe("Kiev is seriously concerned about Putin's visit to Minsk");
    expect([real.views, real.comments, real.rating]).toEqual([1095, 0, 0]);
    expect(real.imageCredit).toBe('Image source: © РИА Новости Павел Бедняков');
  });

  it('splits the lead into outlet, original headline and summary', () => {
    expect(real.outlet).toBe('Advance');
    expect(real.originalHeadline).toBe('Putin has decided to take a central role in the events surrounding the conflict in Ukraine');
    expect(real.summary).toBe(
      "Putin's decision to visit Minsk proves that he has decided to take a central role in what is happening around the armed conflict in Ukraine, the author of Advance believes.",
    );
  });

  it('reads the pull-quote and splits the byline from the first paragraph', () => {
    expect(real.pullQuote).toBe("He used to stay away, but now he's coming forward. His meeting with Lukashenka worries Kiev very much.");
    expect(real.bylineName).toBe('D. Marjanovich');
    expect(real.bylineOriginal).toBe('D. Marjanovich');
  });

  it('reads every body paragraph, in order', () => {
    // Lines 14–56, one paragraph on every even line: 22 (the first one after the byline).
    expect(real.body).toHaveLength(22);
    expect(real.body[0]).toBe(
      'Russian President Vladimir Putin arrived today on a visit to Minsk, the capital of Belarus, and with him came Defense Minister Sergei Shoigu and Foreign Minister Sergei Lavrov.',
    );
    expect(real.body[1]).toMatch(/^In other words, three of Russia's most influential people/);
    expect(real.body.at(-1)).toMatch(/^It is expected that we will also talk about energy/);
    expect(real.body.at(-1)).toMatch(/new year 2023\.$/);
    expect(real.body.every((p) => p === p.trim() && p.length > 0)).toBe(true);
  });

  it('reads the rights block', () => {
    expect(real.rightsLine).toBe('The rights to this material belong to');
    expect(real.licenceNote).toBe('The material is placed by the copyright holder in the public domain');
    expect(real.originalLinkText).toBe('Original publication');
    expect(real.disclaimer).toBe(
      "InoSMI materials contain ratings exclusively from foreign media and do not reflect the editorial board's position ВПК.name",
    );
    expect(real.mentions).toEqual([]);
  });

  it('skips the page chrome', () => {
    const stored = JSON.stringify(real);
    for (const chrome of ['Войти', 'Do you want to leave a comment', 'ПОДПИСКА НА НОВОСТИ', 'Ежедневная рассылка', 'Discussion', 'Update']) {
      expect(stored).not.toContain(chrome);
    }
  });

  it('reads the 15 sidebar entries, newest first', () => {
    expect(real.sidebar).toHaveLength(15);
    expect(real.sidebar[0]).toEqual({
      time: new Date('2023-09-24T03:54:00+03:00'),
      count: 1,
      title: 'The Russian Su-35 fighter is no joke (The National Interest, USA)',
      order: 0,
    });
    expect(real.sidebar[1]!.title).toBe('Ответ на "Противники мнимые и реальные"');
    expect(real.sidebar[3]).toMatchObject({ count: 4922, title: 'Without carrot and stick. Russia has deprived America of its usual levers of influence' });
    expect(real.sidebar[14]).toEqual({
      time: new Date('2023-09-23T05:16:00+03:00'),
      count: 1,
      title: '"Significant increase in strike potential": the Western press appreciated the implementation of the Su-57 fighter program',
      order: 14,
    });
    expect(real.sidebar.map((e) => e.order)).toEqual([...Array(15).keys()]);
  });

  it('gives a sidebar time the latest year that is not after the capture', () => {
    const earlier = parseOk(REAL_TEXT, new Date('2023-09-24T03:00:00+03:00'));
    expect(earlier.sidebar[0]!.time).toEqual(new Date('2022-09-24T03:54:00+03:00'));
    // Every 24.09 time after 03:00 falls back a year; 01:36 and the 23.09 ones do not.
    expect(earlier.sidebar.slice(0, 4).map((e) => e.time.getUTCFullYear())).toEqual([2022, 2022, 2022, 2022]);
    expect(earlier.sidebar[4]!.time).toEqual(new Date('2023-09-24T01:36:00+03:00'));
  });
});

describe('parseCapture on variants of the real capture', () => {
  it('reads Windows line endings, a BOM and trailing spaces the same', () => {
    expect(parseOk(REAL_TEXT.replace(/\n/g, '\r\n'))).toEqual(real);
    expect(parseOk(`\uFEFF${REAL_TEXT}`)).toEqual(real);
    expect(parseOk(REAL_TEXT.replace(/\n/g, ' \t \n'))).toEqual(real);
    expect(parseOk(`\uFEFF${REAL_TEXT.replace(/\n/g, '  \r\n')}\r\n\r\n`)).toEqual(real);
  });

  it('leaves missing counters null', () => {
    const capture = parseOk(editLines(5, 7));
    expect([capture.views, capture.comments, capture.rating]).toEqual([null, null, null]);
    expect(capture.imageCredit).toBe(real.imageCredit);
    expect(capture.body).toEqual(real.body);
  });

  it('leaves a missing image credit null', () => {
    const capture = parseOk(editLines(8, 8));
    expect(capture.imageCredit).toBeNull();
    expect(capture.views).toBe(1095);
    expect(capture.outlet).toBe('Advance');

    const bare = parseOk(editLines(5, 8));
    expect([bare.views, bare.imageCredit, bare.outlet, bare.pullQuote]).toEqual([null, null, 'Advance', real.pullQuote]);
  });

  it('keeps the first paragraph whole when there is no byline', () => {
    const capture = parseOk(editLines(14, 14, real.body[0]!));
    expect(capture.bylineName).toBeNull();
    expect(capture.bylineOriginal).toBeNull();
    expect(capture.pullQuote).toBe(real.pullQuote);
    expect(capture.body).toEqual(real.body);
  });

  it('reads a byline on a line of its own', () => {
    const capture = parseOk(editLines(14, 14, 'D. Marjanovich (D. Marjanovich)', '', real.body[0]!));
    expect([capture.bylineName, capture.bylineOriginal]).toEqual(['D. Marjanovich', 'D. Marjanovich']);
    expect(capture.body).toEqual(real.body);
  });

  it('keeps the lead whole as the summary when no headline seam is found', () => {
    const capture = parseOk(editLines(10, 10, 'Advance: Putin has decided to take a central role, the author of Advance believes.'));
    expect(capture.outlet).toBe('Advance');
    expect(capture.originalHeadline).toBeNull();
    expect(capture.summary).toBe('Putin has decided to take a central role, the author of Advance believes.');

    const noOutlet = parseOk(editLines(10, 10, 'A summary without an outlet. It just goes on.'));
    expect([noOutlet.outlet, noOutlet.originalHeadline, noOutlet.summary]).toEqual([null, null, 'A summary without an outlet. It just goes on.']);
  });

  it('reads a Russian-language article with Russian chrome', () => {
    const capture = parseOk(russianCapture());
    expect(capture.lang).toBe('ru');
    expect(capture.title).toBe('Киев всерьёз обеспокоен визитом Путина в Минск');
    expect([capture.views, capture.comments, capture.rating]).toEqual([1095, 3, -2]);
    expect(capture.imageCredit).toBe('Источник изображения: © РИА Новости Павел Бедняков');
    expect(capture.outlet).toBe('Advance');
    expect(capture.originalHeadline).toBe('Путин решил взять на себя центральную роль в событиях вокруг конфликта на Украине');
    expect(capture.summary).toMatch(/^Решение Путина посетить Минск/);
    expect([capture.bylineName, capture.bylineOriginal]).toEqual(['Д. Марьянович', 'D. Marjanović']);
    expect(capture.body).toHaveLength(3);
    expect(capture.body[0]).toBe('Президент России Владимир Путин прибыл сегодня с визитом в Минск, столицу Белоруссии.');
    expect(capture.rightsLine).toBe('Права на данный материал принадлежат');
    expect(capture.licenceNote).toBe('Материал размещён правообладателем в открытом доступе');
    expect(capture.originalLinkText).toBe('Оригинал публикации');
    expect(capture.disclaimer).toMatch(/^Материалы ИноСМИ/);
    expect(capture.mentions).toEqual([]);
    expect(capture.sidebar).toHaveLength(2);
    expect(JSON.stringify(capture)).not.toMatch(/Обсуждение|Обновить|Хотите оставить|ПОДПИСКА/);
  });

  it('reads several mentions', () => {
    const capture = parseOk(editLines(62, 62, '  • The news mentions', '  • Vladimir Putin', '  • Alexander Lukashenko', '  • Belarus', '  • Vladimir Putin'));
    expect(capture.mentions).toEqual(['Vladimir Putin', 'Alexander Lukashenko', 'Belarus']);
    expect(capture.sidebar).toHaveLength(15);

    // Without the chrome after it, the list still stops at the sidebar.
    const tight = parseOk(editLines(62, 67, '  • Упоминаемые в новости', '    • Минск'));
    expect(tight.mentions).toEqual(['Минск']);

    // Items rendered as plain lines rather than bullets are mentions too.
    expect(parseOk(editLines(62, 62, '  • The news mentions', 'Vladimir Putin', 'Belarus')).mentions).toEqual(['Vladimir Putin', 'Belarus']);
  });

  it('reads a capture without a sidebar', () => {
    for (const text of [cutAfter(65), cutAfter(67), cutAfter(61), cutAfter(58)]) {
      const capture = parseOk(text);
      expect(capture.sidebar).toEqual([]);
      expect(capture.body).toEqual(real.body);
    }
    expect(parseOk(cutAfter(58)).licenceNote).toBeNull();
  });

  it('reads very long paragraphs', () => {
    const huge = `${real.body[1]} `.repeat(4000).trim(); // about 2 MB
    const started = performance.now();
    const capture = parseOk(editLines(16, 16, huge));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(capture.body[1]).toBe(huge);
    expect(capture.body).toHaveLength(22);
  });
});

describe('parseCapture on broken files', () => {
  it('reports an empty file', () => {
    for (const text of ['', '\n\n', '  \r\n \t', '\uFEFF']) {
      expect(parseError(text)).toEqual({ line: 1, message: 'file is empty' });
    }
  });

  it('reports binary junk', () => {
    expect(parseError('\u0000\u0001\u0002PK\u0003\u0004')).toEqual({ line: 1, message: 'not a UTF-8 text file' });
    // Invalid UTF-8 bytes, decoded leniently as a reader of the file would, leave U+FFFD.
    const bytes = Buffer.concat([Buffer.from(cutAfter(19) + '\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(`\n${realLines().slice(20).join('\n')}`)]);
    expect(parseError(new TextDecoder().decode(bytes))).toEqual({ line: 20, message: 'not a UTF-8 text file' });
  });

  it('reports a file cut before the title', () => {
    expect(parseError(cutAfter(1))).toEqual({ line: 2, message: 'expected the article title, but the file ends' });
    expect(parseError(cutAfter(2))).toEqual({ line: 2, message: 'expected the article title, but the file ends' });
    expect(parseError(`${cutAfter(2)}\n`)).toEqual({ line: 3, message: 'expected the article title, but the file ends' });
  });

  it('reports a title that is not one', () => {
    expect(parseError(editLines(3, 4))).toEqual({ line: 3, message: 'expected the article title, found "1095"' });
  });

  it('reports a file cut in the header or the body', () => {
    expect(parseError(cutAfter(3))).toEqual({ line: 4, message: 'the file is cut short: expected the article text, but the file ends' });
    const rights = 'the file is cut short: expected the rights block ("The rights to this material belong to"), but the file ends';
    expect(parseError(cutAfter(10))).toEqual({ line: 11, message: rights });
    expect(parseError(cutAfter(30))).toEqual({ line: 31, message: rights });
    expect(parseError(cutAfter(56))).toEqual({ line: 57, message: rights });
    // With or without a final line break, the line after the last one is reported.
    expect(parseError(`${cutAfter(56)}\n`)).toEqual({ line: 57, message: rights });
    expect(parseError(`${cutAfter(56)}\n\n`)).toEqual({ line: 58, message: rights });
  });

  it('reports a page footer straight after the lead', () => {
    // Lines 12–56 gone: the rights line moves up to line 13.
    expect(parseError(editLines(12, 56))).toEqual({ line: 13, message: 'expected the article body before the page footer' });
  });

  it('reports a file cut in the middle of a sidebar entry', () => {
    expect(parseError(cutAfter(80))).toEqual({ line: 80, message: 'sidebar entry at line 80 is cut short: missing the comment count' });
    expect(parseError(cutAfter(81))).toEqual({ line: 80, message: 'sidebar entry at line 80 is cut short: missing the thread title' });
    expect(parseError(`${cutAfter(111)}\n`)).toEqual({ line: 110, message: 'sidebar entry at line 110 is cut short: missing the thread title' });
    expect(parseOk(cutAfter(82)).sidebar).toHaveLength(5);
  });

  it('reports a malformed sidebar entry', () => {
    expect(parseError(editLines(82, 82))).toEqual({ line: 82, message: 'sidebar entry at line 80 has no thread title' });
    expect(parseError(editLines(81, 81, 'one'))).toMatchObject({ line: 81, message: expect.stringMatching(/^sidebar entry at line 80: expected the comment count/) });
    expect(parseError(editLines(80, 80, '  • 31.02 01:36'))).toEqual({ line: 80, message: 'sidebar time "• 31.02 01:36" is not a valid date' });
    expect(parseError(editLines(83, 83, 'Stray text'))).toMatchObject({ line: 83, message: expect.stringMatching(/^expected a sidebar entry time/) });
  });

  it('reports unknown text below the article', () => {
    expect(parseError(editLines(67, 67, 'Something the parser has never seen'))).toEqual({
      line: 67,
      message: 'unexpected text below the article: "Something the parser has never seen"',
    });
  });
});

describe('the run-together splitters', () => {
  it('finds the headline seam', () => {
    expect(headlineBoundary('The war goes on in UkrainePutin said so on Monday evening.')).toBe(26);
    expect(headlineBoundary('Kiev fears the worst (analysis)The visit was a surprise to all.')).toBe(31);
    expect(headlineBoundary('Who will win?Nobody knows the answer yet, writes the author.')).toBe(13);
    expect(headlineBoundary('Talks stall over NATOThe alliance is divided, writes the paper.')).toBe(21);
    expect(headlineBoundary('Путин едет в Минск«Визит важен», считает автор издания.')).toBe(18);
  });

  it('does not split camel-case names and abbreviations', () => {
    expect(headlineBoundary('Senator McCain speaks his mind on the war at length.')).toBeNull();
    expect(headlineBoundary('The new iPhone is made in China, and the author is happy.')).toBeNull();
    expect(headlineBoundary('The U.S.Army is said to be tired of the long war here.')).toBeNull();
    expect(headlineBoundary('Why YouTube bans channels like thisYouTube says it has its reasons, writes the author.')).toBe(35);
    // "McCain" is skipped, the real seam after it is found.
    expect(headlineBoundary('McCain visits KievThe senator met officials on Monday.')).toBe(18);
  });

  it('splits a lead with an outlet', () => {
    expect(splitLead('The National Interest: Su-35 is no jokeThe fighter is dangerous, the magazine writes.')).toEqual({
      outlet: 'The National Interest',
      headline: 'Su-35 is no joke',
      summary: 'The fighter is dangerous, the magazine writes.',
    });
  });

  it('splits bylines only where the paragraph runs straight on', () => {
    expect(splitByline('D. Marjanovich (D. Marjanovich)Russian President')).toEqual({ name: 'D. Marjanovich', original: 'D. Marjanovich', rest: 'Russian President' });
    expect(splitByline('Андрей Иванов (Andrei Ivanov)Текст.')).toEqual({ name: 'Андрей Иванов', original: 'Andrei Ivanov', rest: 'Текст.' });
    expect(splitByline('NATO (the alliance) said nothing new today.')).toBeNull();
    expect(splitByline('Russian President Vladimir Putin arrived today.')).toBeNull();
  });

  it('infers the year of a sidebar time, skipping years without the date', () => {
    expect(inferYear(29, 2, 12, 0, new Date('2023-06-01T00:00:00Z'))).toEqual(new Date('2020-02-29T12:00:00+03:00'));
    expect(inferYear(31, 12, 23, 59, new Date('2024-01-01T00:30:00+03:00'))).toEqual(new Date('2023-12-31T23:59:00+03:00'));
    // 01.01 00:10 Moscow is still 31.12 in UTC: the year comes from Moscow time.
    expect(inferYear(1, 1, 0, 10, new Date('2024-01-01T00:30:00+03:00'))).toEqual(new Date('2024-01-01T00:10:00+03:00'));
  });
});

/** A Russian-language page: the real page's structure, Russian text, Russian chrome. */
function russianCapture(): string {
  return [
    'Войти',
    '',
    'Киев всерьёз обеспокоен визитом Путина в Минск',
    '',
    '1095',
    '3',
    '-2',
    'Источник изображения: © РИА Новости Павел Бедняков',
    '',
    'Advance: Путин решил взять на себя центральную роль в событиях вокруг конфликта на УкраинеРешение Путина посетить Минск доказывает, что он решил играть центральную роль в происходящем, считает автор Advance.',
    '',
    'Раньше он держался в стороне, а теперь выходит вперёд. Его встреча с Лукашенко очень беспокоит Киев.',
    '',
    'Д. Марьянович (D. Marjanović)Президент России Владимир Путин прибыл сегодня с визитом в Минск, столицу Белоруссии.',
    '',
    'Вместе с ним прибыли министр обороны Сергей Шойгу и министр иностранных дел Сергей Лавров.',
    '',
    'Ожидается, что Путин и Лукашенко обсудят энергетику.',
    '',
    'Права на данный материал принадлежат',
    'Материал размещён правообладателем в открытом доступе',
    'Оригинал публикации',
    'Материалы ИноСМИ содержат оценки исключительно зарубежных СМИ и не отражают позицию редакции ВПК.name',
    '  • Упоминаемые в новости',
    'Хотите оставить комментарий? Зарегистрируйтесь и/или Войдите',
    'ПОДПИСКА НА НОВОСТИ',
    'Ежедневная рассылка новостей ВПК на электронный почтовый ящик',
    '  • Обсуждение',
    '    Обновить',
    ...realLines().slice(67, 73),
  ].join('\n');
}
