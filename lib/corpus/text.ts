/**
 * Article text from sentence templates. A template is compiled once into tokens; filling one is a
 * handful of string concatenations, which is what keeps 100 000 articles inside the time budget.
 *
 * Template syntax: `{P}` a slot (see Slot), `[a|b|c]` a choice of one alternative (alternatives
 * may contain slots, not further choices).
 */
import { at, intBetween, pick, type Rng } from './random';
import { toSlug } from '../slug';
import { linkHosts, mentionPool, type MentionKind, type PoolEntry } from './vocabulary';

export type Lang = 'en' | 'ru';

const slotNames = ['P', 'PR', 'L', 'L2', 'O', 'T', 'OUT', 'COUNTRY', 'N', 'K', 'Y', 'PCT', 'TH', 'D', 'PART'] as const;
type Slot = (typeof slotNames)[number];
type Token = string | { slot: Slot } | { choice: Token[][] };
export type Template = readonly Token[];

function compileFlat(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\{([A-Z0-9]+)\}/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[1] as Slot;
    if (!slotNames.includes(name)) throw new Error(`unknown slot {${name}} in template: ${source}`);
    if (m.index > last) tokens.push(source.slice(last, m.index));
    tokens.push({ slot: name });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push(source.slice(last));
  return tokens;
}

export function compile(source: string): Template {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('[', i);
    if (open < 0) {
      tokens.push(...compileFlat(source.slice(i)));
      break;
    }
    const close = source.indexOf(']', open);
    if (close < 0) throw new Error(`unclosed [ in template: ${source}`);
    tokens.push(...compileFlat(source.slice(i, open)));
    tokens.push({ choice: source.slice(open + 1, close).split('|').map(compileFlat) });
    i = close + 1;
  }
  return tokens;
}

const compileAll = (sources: readonly string[]): readonly Template[] => sources.map(compile);

/** What one article is about: its linked mentions by kind, and how often the text has named each. */
export class ArticleContext {
  readonly people: number[] = [];
  readonly places: number[] = [];
  readonly orgs: number[] = [];
  readonly topics: number[] = [];
  /** Parallel to `linked`: how many times the text named that mention (the link's weight). */
  readonly hits: number[];

  constructor(
    readonly rng: Rng,
    readonly lang: Lang,
    /** Pool indices this article links to. */
    readonly linked: readonly number[],
    readonly outlet: string | null,
    readonly country: string | null,
  ) {
    this.hits = linked.map(() => 0);
    for (const index of linked) this.listFor(at(mentionPool, index).kind).push(index);
  }

  private listFor(kind: MentionKind): number[] {
    switch (kind) {
      case 'person':
        return this.people;
      case 'place':
        return this.places;
      case 'organization':
        return this.orgs;
      case 'topic':
        return this.topics;
    }
  }

  /**
   * A name of the given kind. Linked mentions are preferred, the first-picked (the article's main
   * subject) most; with none linked, a name from the whole pool stands in unlinked, as real articles
   * name more than their mention list shows.
   */
  name(kind: MentionKind, avoid = -1): { entry: PoolEntry; index: number } {
    const list = this.listFor(kind);
    const rng = this.rng;
    let index = -1;
    if (list.length > 0) {
      index = rng() < 0.45 ? at(list, 0) : at(list, Math.floor(rng() * list.length));
      if (index === avoid && list.length > 1) index = list[(list.indexOf(index) + 1) % list.length] as number;
    }
    if (index < 0 || index === avoid) {
      const range = poolRanges[kind];
      do index = intBetween(rng, range[0], range[1]);
      while (index === avoid);
      return { entry: at(mentionPool, index), index };
    }
    const pos = this.linked.indexOf(index);
    this.hits[pos] = (this.hits[pos] ?? 0) + 1;
    return { entry: at(mentionPool, index), index };
  }
}

// The pool lists each kind contiguously: a stand-in name is an index drawn from its range.
const poolRanges = (() => {
  const ranges = {} as Record<MentionKind, [number, number]>;
  mentionPool.forEach((e, i) => {
    const r = ranges[e.kind];
    if (r) r[1] = i;
    else ranges[e.kind] = [i, i];
  });
  return ranges;
})();

export function fill(template: Template, ctx: ArticleContext): string {
  let out = '';
  let lastPlace = -1;
  for (const token of template) {
    if (typeof token === 'string') out += token;
    else if ('slot' in token) {
      const value = slotValue(token.slot, ctx, lastPlace);
      out += value.text;
      if (value.place !== undefined) lastPlace = value.place;
    } else {
      const alt = at(token.choice, Math.floor(ctx.rng() * token.choice.length));
      for (const t of alt) {
        if (typeof t === 'string') out += t;
        else if ('slot' in t) out += slotValue(t.slot, ctx, lastPlace).text;
      }
    }
  }
  return out;
}

function slotValue(slot: Slot, ctx: ArticleContext, lastPlace: number): { text: string; place?: number } {
  const ru = ctx.lang === 'ru';
  const rng = ctx.rng;
  switch (slot) {
    case 'P': {
      const { entry } = ctx.name('person');
      return { text: ru ? entry.ru : entry.en };
    }
    case 'PR': {
      const { entry } = ctx.name('person');
      const role = entry.role;
      if (!role) return { text: ru ? entry.ru : entry.en };
      return { text: ru ? `${role[1]} ${entry.ru}` : `${role[0]} ${entry.en}` };
    }
    case 'L':
    case 'L2': {
      const { entry, index } = ctx.name('place', slot === 'L2' ? lastPlace : -1);
      return { text: ru ? entry.ru : entry.en, place: index };
    }
    case 'O': {
      const { entry } = ctx.name('organization');
      return { text: ru ? entry.ru : entry.en };
    }
    case 'T': {
      const { entry } = ctx.name('topic');
      return { text: ru ? entry.ru : entry.en };
    }
    case 'OUT':
      return { text: ctx.outlet ?? (ru ? 'западные СМИ' : 'the Western press') };
    case 'COUNTRY':
      return { text: ctx.country ?? (ru ? 'США' : 'USA') };
    case 'N':
      return { text: String(intBetween(rng, 2, 40)) };
    case 'K':
      return { text: String(intBetween(rng, 2, 80) * 5) };
    case 'Y':
      return { text: String(intBetween(rng, 2008, 2023)) };
    case 'PCT':
      return { text: String(intBetween(rng, 5, 85)) };
    case 'TH':
      return { text: String(intBetween(rng, 5, 300)) };
    case 'D':
      return { text: String(pick(rng, [1960, 1970, 1980, 1990])) };
    case 'PART':
      return { text: String(intBetween(rng, 2, 9)) };
  }
}

/** A template other than `previous`: the same sentence twice in a row reads as a glitch. */
function draw(rng: Rng, templates: readonly Template[], previous?: Template): Template {
  const i = Math.floor(rng() * templates.length);
  const t = at(templates, i);
  return t === previous ? at(templates, (i + 1) % templates.length) : t;
}

function finish(s: string): string {
  // Most sentences open with a Latin or Cyrillic capital, a quote mark or a digit: settled without
  // the string allocations below, which millions of comment sentences would otherwise pay for.
  const c = s.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) || c === 0x401 || c === 34 || c === 0xab || (c >= 48 && c <= 57)) return s;
  const first = s.charAt(0);
  // Slots such as "air defence" or "the Pentagon" can open a sentence in lower case.
  return first === first.toUpperCase() ? s : first.toUpperCase() + s.slice(1);
}

function sentence(templates: readonly Template[], ctx: ArticleContext): string {
  return finish(fill(draw(ctx.rng, templates), ctx));
}

// ── English ─────────────────────────────────────────────────────────────────────────────────

const enBody = compileAll([
  '{PR} said that the situation around {L} [remains|is still] [tense|extremely difficult|far from resolved].',
  'According to {OUT}, {O} [is preparing|has been preparing|is considering] a new package of measures related to {T}.',
  'It is clear that the proximity of {L} poses [a serious|the greatest|a growing] threat to {L2}, especially given the current state of {T}.',
  'Of course, another option for {O} is to escalate and try to change the situation around {L} by force.',
  'There is a lot of talk about this now, but it is unlikely that such a scenario is possible.',
  'In fact, {L} says that it is ready for talks, but these "negotiations" are [completely unacceptable|unrealistic|hardly possible] for the other side.',
  '{T} has already proved itself [in combat conditions|on the front line|during exercises], although Western experts [doubt|dispute|question] this.',
  '{P} is convinced that the decision will be made soon, probably [in January|by the end of the year|in early spring|within weeks].',
  'From the statements, both public and those coming from anonymous sources, it is clear that {O} is interested in [ending|freezing|expanding] the conflict.',
  'Everything suggests that {O} miscalculated, hoping to [achieve a quick result|capture {L} quickly|wear down the opponent].',
  'According to {OUT}, the distance from {L} to {L2} is only about {K} kilometers.',
  '"[This is a serious challenge|We are ready for any scenario|Such statements are stupid and unfounded|Nobody is going to wait for us]," {P} said.',
  'The [first|latest|second] batch of {T} is expected to arrive [before the end of the year|in the coming months|next spring].',
  'Production of {T} has increased [several times|by {PCT} percent|significantly] over the past year, {O} reported.',
  'At the end of last week, {PR} visited {L}, where he met with the highest military command.',
  'But it seems that a plan is being developed in parallel in case {L} continues to refuse negotiations.',
  'One gets the impression that {O} has "become more active", and this is potentially dangerous.',
  'Analysts estimate that up to {TH} thousand troops may be involved in the operation near {L}.',
  'The question arises: will {L} be able to [stay out of the conflict|keep its neutrality|avoid a direct clash with {O}]?',
  'Western media write that {T} is [no match for|comparable to|superior to] its foreign counterparts, but the details are hidden from the public.',
  'In such a scenario, another country would undoubtedly join the armed conflict.',
  "This brings us to {L} and confirms the importance of [today's meeting|the recent talks|the agreement signed in {Y}].",
  '{O} has not [commented on|confirmed|denied] the information about {T}.',
  'It should be noted that the position of {L} is [quite weak|much stronger|ambiguous] today.',
  'Experts from {O} believe that {T} will [change the balance of forces|play a key role|not change much] in the coming months.',
  'Since {Y}, {L} has been much more dependent on {L2} than before.',
  'The cost of one {T} is estimated at {N} million dollars, which makes [mass production|large purchases|quick replacement] difficult.',
  'Not much is known, but the very fact of the meeting tells us a lot.',
  'Intense strikes on {L} are becoming more frequent, and the struggle between {T} and [air defence|electronic warfare|the opposing side] continues.',
  '{PR} noted that "[sovereignty and independence are unshakable|the door to dialogue remains open|no one will dictate terms to us]".',
  'This is not the first time {O} has faced such a problem: a similar situation arose in {Y}.',
  'The only question is, how big are the plans of {O}?',
  'A slight escalation is possible, including potential missile strikes and attacks using {T} from the territory of {L}.',
  'Meanwhile, {L} is watching the events around {L2} with growing concern.',
  'As {OUT} points out, the decision on {T} was made [behind closed doors|at the highest level|without consulting allies].',
  'Over {N} units of {T} have been lost or damaged, according to open sources.',
  'The agreement signed by {O} provides for [joint exercises|the supply of spare parts|the exchange of intelligence|the modernisation of {T}].',
  'Some experts see this as a signal to {O}, while others consider it an ordinary routine.',
  '{P} drew attention to the fact that {T} was designed back in the {D}s.',
  'It is expected that {O} will also discuss energy, economic cooperation and other always topical issues.',
  'The exercises near {L} involved about {TH} thousand servicemen and hundreds of units of equipment.',
  'Whether {T} will be able to withstand modern threats remains an open question.',
  'Finally, there is another option with an escalation of high intensity, when the forces of {L} and {L2} unite for a common offensive.',
  'He is convinced that the offensive will begin soon, but he is not ready to say from which direction.',
  'The cause has not been announced, but it should be noted that {O} maintained some relations with the West.',
]);

const enTitles = compileAll([
  "{L} is seriously concerned about {P}'s visit to {L2}",
  'The Russian {T} is no joke',
  'Without carrot and stick. {L} has deprived {L2} of its usual levers of influence',
  'In one blow, {L} deprived {O} of a large stock of missiles and ammunition',
  '"Significant increase in strike potential": the Western press appreciated the {T} program',
  'The expert said that {T} will create healthy competition in {L}',
  'Hundreds of troops died after another unsuccessful operation near {L}',
  'Why {O} is afraid of {T}',
  'How {T} changed the war near {L}',
  '{PR}: {L} is not ready for a long conflict',
  '{O} admitted a problem with {T}',
  '{L} is preparing for a new phase of the conflict',
  'What {P} did not say about {T}',
  '{T} will appear in {L} sooner than expected',
  'The West is losing the race for {T}',
  '{O} will have to rethink its approach to {T}',
  '{T}: thoughts out loud (part {PART})',
]);

const enHeadlines = compileAll([
  '{P} has decided to take a central role in the events surrounding {L}',
  '{T} is a bigger problem for {O} than it admits',
  'Is {L} ready for a war over {T}?',
  '{O} needs more {T}, and fast',
  'The truth about {T}',
  'How {L} learned to live with {T}',
  '{L} is watching {L2}, and it is worried',
  "{L}'s gamble on {T} is not paying off",
]);

const enClaims = compileAll([
  "{P}'s decision to visit {L} proves that {O} has decided to take a central role in what is happening",
  'the fighting around {L} has shown the real value of {T}',
  '{O} underestimated how quickly {L} would adapt to {T}',
  'the West will not be able to match {T} in the coming years',
  'the meeting in {L} was not one of those friendly meetings, but a meeting on the eve of something important',
  '{T} turned out to be far less effective than {O} promised',
]);

const enClaimTails = compileAll([', the author of {OUT} believes.', ', writes {OUT}.', ', according to {OUT}.']);
const enClaimTailsUnsourced = compileAll([', analysts believe.', ', experts say.', '.']);

const enPull = compileAll([
  "He used to stay away, but now he's coming forward.",
  'His meeting with {P} worries {L} very much.',
  'Today the situation is completely different.',
  'Everything suggests that the plans are much bigger.',
  '{T} is not a wonder weapon, but it is not a myth either.',
  'The only question is who will blink first.',
  '{L} will not be able to stay out of this for long.',
  'The West has been preparing for the wrong war.',
]);

// ── Russian ─────────────────────────────────────────────────────────────────────────────────
// Slots stand where the nominative case fits, so names need no declension.

const ruBody = compileAll([
  '{PR} считает, что {T} [остаётся одним из главных козырей|играет ключевую роль|пока не оправдывает ожиданий].',
  '{O} заявляет о готовности к [переговорам|любому развитию событий|новому этапу сотрудничества].',
  '{L} [остаётся одним из самых напряжённых участков|снова оказывается в центре внимания|требует особого внимания].',
  'Расстояние по маршруту {L} — {L2} составляет около {K} километров.',
  '«[Это серьёзный вызов|Мы готовы к любому сценарию|Это глупые и безосновательные заявления|Никто не будет нас ждать]», — заявил {P}.',
  'Производство изделия «{T}» за год выросло [в несколько раз|на {PCT} процентов|значительно].',
  'Западные СМИ пишут, что {T} [ничем не уступает|превосходит|заметно уступает] зарубежным аналогам.',
  'Остаётся открытым вопрос, как на это отреагирует {O}.',
  'Очевидно, что {O} [внимательно следит за ситуацией|готовит ответные шаги|делает выводы].',
  'Ещё в {Y} году эксперты предупреждали, что {T} потребует серьёзной модернизации.',
  'Стоимость одного изделия «{T}» оценивается в {N} миллионов долларов.',
  'В учениях приняли участие около {TH} тысяч военнослужащих и сотни единиц техники.',
  'Вопрос лишь в том, насколько масштабны эти планы.',
  'Впрочем, {L} пока не спешит с окончательным решением.',
  '{PR} обратил внимание на то, что разработка изделия «{T}» началась ещё в {D}-х годах.',
  'Не секрет, что {O} давно добивается [расширения полномочий|увеличения военного бюджета|новых поставок].',
  'Одни эксперты видят в этом сигнал, другие считают происходящее обычной рутиной.',
  'Как пишут западные СМИ, {L} с растущей тревогой следит за событиями.',
  'Тема «{T}» снова оказалась в центре обсуждения после [заявлений|публикаций|утечек] последних дней.',
  'Это уже не первый случай: похожая ситуация возникла в {Y} году.',
  'Интенсивность ударов растёт, и борьба между сторонами [не прекращается|только обостряется|переходит в новую фазу].',
  'Сможет ли {T} противостоять современным угрозам, пока остаётся открытым вопросом.',
  'Подписанное соглашение предусматривает [совместные учения|поставки запчастей|обмен разведданными|модернизацию техники].',
  '{P} уверен, что решение будет принято [в ближайшие недели|до конца года|уже весной].',
  'По данным открытых источников, потеряно или повреждено более {N} единиц техники.',
  'Судя по всему, это осознанная тактика, а не случайность.',
  '{O}: [«решение принято»|«вопрос прорабатывается»|«комментариев не будет»] — так звучит официальная позиция.',
  'Напомним, что ранее {PR} назвал ситуацию [критической|стабильной|управляемой].',
  'При этом {L} и {L2} остаются [ключевыми точками|главными узлами логистики|важнейшими направлениями].',
  'Ожидается, что стороны обсудят также энергетику, экономическое сотрудничество и другие актуальные вопросы.',
  'Непрерывная связь — ключ к победе, и {T} здесь не исключение.',
  'Если говорить прямо, {O} оказался не готов к такому развитию событий.',
]);

const ruTitles = compileAll([
  '{T}: мысли вслух (часть {PART})',
  '{L} и {T}: что изменилось за год',
  'Непрерывная связь – ключ к победе',
  'О чём умолчал {P}, или фантазии одного «известного политолога»',
  '{O} готовит ответ: {T} снова в центре внимания',
  'Почему {L} не спешит с решением',
  '{PR}: «[Это серьёзный вызов|Мы готовы к любому сценарию|Никто не будет нас ждать]»',
  'Противники мнимые и реальные: {L} и {L2}',
  '«Снаряд прошил весь танк и вышел через корму»: {T} в бою',
  'О «западной» танковой школе и {T}',
  '{T} против {O}: кто кого',
  'Без кнута и пряника. {L} лишает {O} привычных рычагов влияния',
]);

const ruSummaries = compileAll([
  '{PR} считает, что {T} [меняет|не меняет] расклад сил вокруг {L}.',
  'Разбираемся, почему {O} [так долго тянет с решением|снова поднимает вопрос о поставках|меняет подход].',
  'Эксперты спорят, оправдает ли {T} ожидания военных.',
  'Ситуация вокруг направления «{L}» остаётся напряжённой: что известно на сегодня.',
]);

const ruPull = compileAll([
  'Раньше он держался в стороне, а теперь выходит на первый план.',
  'Сегодня ситуация совершенно иная.',
  '{T} — не чудо-оружие, но и не миф.',
  'Вопрос лишь в том, кто первым дрогнет.',
  '{L} не сможет долго оставаться в стороне.',
]);

// ── Forum threads ───────────────────────────────────────────────────────────────────────────

const enForumTitles = compileAll([
  'Air Defense: Thoughts out loud (part {PART})',
  'Industrial design: harmony of beauty and functionality',
  'Is {T} overrated?',
  '{L}: news and discussion (part {PART})',
  '{T} versus {O}: your opinion',
]);

const ruForumTitles = compileAll([
  'О поражении (в смысле - выводе из строя) танков',
  'О "западной" танковой школе.',
  'Непрерывная связь – ключ к победе',
  '{T}: мысли вслух (часть {PART})',
  'Обсуждение: {T} и {O}',
  'Вопрос знатокам: {T}',
]);

// ── Comments ────────────────────────────────────────────────────────────────────────────────
// Readers' register: short, opinionated, sometimes answering someone. Mixed with the article body
// sentences above, which read like a reader arguing a point.

const enComment = compileAll([
  '[Quite right|Exactly|Well said|Agreed], {T} is [the key issue here|what matters|only part of the story].',
  'I do not agree with the author: {L} [is not that important|has its own plans|will not change anything].',
  'The author clearly has never seen {T} up close.',
  '{T} is [overrated|underrated|a good machine, but not a wonder weapon|not as simple as it looks].',
  'What about {L}? Nobody writes about it.',
  'In {Y} the same was said about {T}, and what came of it?',
  'As for {O}, they [will not risk it|have other plans|have been saying this for years|are bluffing].',
  'I served [in the army|in the navy|in air defence] for {N} years, so I know what I am talking about.',
  'The article is [interesting|weak|too long|one-sided], but the conclusions are [correct|premature|obvious].',
  "Let's wait for official data from {O}.",
  'Read the original, the translation loses a lot.',
  'Thanks to the author, [well written|very informative|a good overview].',
  'Time will tell who was right about {L}.',
  'The numbers for {T} look [too optimistic|about right|made up] to me.',
  '{PR} says one thing today and another tomorrow.',
  'Logistics decide everything, and {L} is a long way from {L2}.',
  'Honestly, [I expected more|nothing new here|this was obvious a year ago].',
  'Everyone forgets that {O} has [its own interests|no money for this|other priorities].',
  '[Source|Link|Proof]? Without it this is just talk.',
  'The comments here are more interesting than the article.',
  'Compare {T} with what [the West|the other side|{O}] has, and it all becomes clear.',
  'Wrong again. {T} was never meant for this.',
]);

const enReplyOpeners = compileAll([
  '[Exactly|Absolutely|Fully agree|Quite so].',
  '[Nonsense|Not quite|Not really|I beg to differ].',
  'You are [confusing|mixing up] {T} with something else.',
  'And where did you read that?',
  'Thanks, I did not know that.',
  'That is exactly what I wrote above.',
  '[Read|Reread] the article again: it says the opposite.',
  '[Where|How] did you get {N} [units|percent|kilometres]?',
]);

const ruComment = compileAll([
  '[Совершенно верно|Именно так|Согласен|В точку], {T} — [ключевой вопрос|главное здесь|только часть истории].',
  'Не согласен с автором: {L} [ничего не решает|преследует свои цели|здесь вообще ни при чём].',
  'Автор явно никогда не видел «{T}» вблизи.',
  'Про «{T}» [слишком много шума|пишут всякое|всё давно известно|спорят уже который год].',
  '{L} — отдельная история, об этом почему-то молчат.',
  'В {Y} году то же самое говорили про «{T}», и что в итоге?',
  '{O} [не рискнёт|давно об этом говорит|блефует|преследует свои цели].',
  'Сам служил [в ПВО|на флоте|в армии], так что знаю, о чём говорю.',
  'Статья [интересная|слабая|затянутая|однобокая], но выводы [верные|преждевременные|очевидные].',
  'Подождём официальных данных.',
  'Почитайте оригинал, при переводе многое теряется.',
  'Спасибо автору, [хороший обзор|познавательно|толково написано].',
  'Время покажет, кто был прав.',
  'Цифры по «{T}» выглядят [слишком оптимистично|правдоподобно|взятыми с потолка].',
  '{PR} сегодня говорит одно, а завтра другое.',
  'Логистика решает всё, а маршрут {L} — {L2} неблизкий.',
  'Честно говоря, [ожидал большего|ничего нового|это было ясно ещё год назад].',
  'Все забывают, что {O} [преследует свои интересы|считает деньги|имеет другие приоритеты].',
  '[Источник|Ссылку|Пруф] можно? Без этого всё это просто слова.',
  'Комментарии здесь интереснее статьи.',
  'Сравните «{T}» с тем, что есть у [Запада|другой стороны|противника], и всё станет ясно.',
  'Опять мимо: «{T}» создавали совсем для другого.',
]);

const ruReplyOpeners = compileAll([
  '[Именно|Абсолютно|Полностью согласен|Так и есть].',
  '[Ерунда|Не совсем так|Позволю себе не согласиться|Это не так].',
  'Вы путаете «{T}» с чем-то другим.',
  'А где вы это прочитали?',
  'Спасибо, не знал.',
  'Я ровно это и написал выше.',
  'Перечитайте статью: там написано обратное.',
  'Откуда цифра {N}?',
]);

const enLinkLeads = ['Source:', 'Details here:', 'See also', 'More on this:', 'Here is the original:'];
const ruLinkLeads = ['Источник:', 'Подробности здесь:', 'См. также', 'Вот тут подробнее:', 'Оригинал:'];
const linkSections = ['news', 'analysis', 'articles', 'topic', 'video'];

// Link paths name a mention the way a news site's URL would; slugged once, not per comment.
let poolSlugs: string[] | undefined;

function commentLink(ctx: ArticleContext): string {
  poolSlugs ??= mentionPool.map((e) => toSlug(e.name));
  const rng = ctx.rng;
  const kinds: readonly MentionKind[] = ['topic', 'place', 'organization'];
  const { index } = ctx.name(pick(rng, kinds));
  const host = pick(rng, linkHosts);
  const section = pick(rng, linkSections);
  return `https://${host}/${section}/${intBetween(rng, 2019, 2025)}/${at(poolSlugs, index)}-${intBetween(rng, 1000, 99999)}`;
}

/**
 * A reader's comment: 1–4 short paragraphs in the thread's language, about the article's own
 * mentions (ctx.linked), sometimes with a web link. A reply often opens by answering its parent.
 */
export function commentText(ctx: ArticleContext, reply: boolean, withLink: boolean): string {
  const rng = ctx.rng;
  const ru = ctx.lang === 'ru';
  const own = ru ? ruComment : enComment;
  const body = ru ? ruBody : enBody;
  const r = rng();
  const paragraphs = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.93 ? 3 : 4;
  let out = '';
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0) out += '\n\n';
    const sentences = 1 + Math.floor(rng() * rng() * 3);
    for (let i = 0; i < sentences; i++) {
      if (i > 0) out += ' ';
      const templates = p === 0 && i === 0 && reply && rng() < 0.45 ? (ru ? ruReplyOpeners : enReplyOpeners) : rng() < 0.7 ? own : body;
      out += finish(fill(draw(rng, templates), ctx));
    }
  }
  if (withLink) {
    const url = commentLink(ctx);
    // Either a line of its own under the text or the whole last paragraph, as people paste them.
    out += rng() < 0.5 ? `\n${url}` : `\n\n${pick(rng, ru ? ruLinkLeads : enLinkLeads)} ${url}`;
  }
  return out;
}

// ── Composition ─────────────────────────────────────────────────────────────────────────────

export interface ArticleText {
  title: string;
  originalHeadline: string | null;
  summary: string;
  pullQuote: string;
  body: string[];
}

export function paragraph(ctx: ArticleContext, sentences: number): string {
  const templates = ctx.lang === 'ru' ? ruBody : enBody;
  let t = draw(ctx.rng, templates);
  let p = finish(fill(t, ctx));
  for (let i = 1; i < sentences; i++) {
    t = draw(ctx.rng, templates, t);
    p += ' ' + finish(fill(t, ctx));
  }
  return p;
}

/** 5–40 paragraphs, most around ten: a log-normal tail rather than a uniform spread. */
export function paragraphCount(rng: Rng): number {
  return Math.min(40, 5 + Math.floor(6 * Math.exp(0.75 * normalish(rng))));
}

// A cheap approximate normal (Irwin–Hall): called once per article, precision is irrelevant.
function normalish(rng: Rng): number {
  return rng() + rng() + rng() + rng() + rng() + rng() - 3;
}

export function articleText(ctx: ArticleContext): ArticleText {
  const rng = ctx.rng;
  const ru = ctx.lang === 'ru';
  let title = sentence(ru ? ruTitles : enTitles, ctx);
  // Translated pieces often carry their source in the headline, as the captured sidebar shows.
  if (!ru && ctx.outlet && rng() < 0.35) title += ` (${ctx.outlet}, ${ctx.country ?? 'USA'})`;
  const originalHeadline = !ru && ctx.outlet ? sentence(enHeadlines, ctx) : null;
  const summary = ru ? sentence(ruSummaries, ctx) : capitalise(fill(pick(rng, enClaims), ctx)) + fill(pick(rng, ctx.outlet ? enClaimTails : enClaimTailsUnsourced), ctx);
  const pulls = ru ? ruPull : enPull;
  const firstPull = draw(rng, pulls);
  const pullQuote = finish(fill(firstPull, ctx)) + ' ' + finish(fill(draw(rng, pulls, firstPull), ctx));
  const count = paragraphCount(rng);
  const body: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) body[i] = paragraph(ctx, 2 + Math.floor(rng() * rng() * 5));
  return { title, originalHeadline, summary, pullQuote, body };
}

/** A forum thread's title, and the language its readers write in. */
export function forumThreadTitle(rng: Rng): { title: string; lang: Lang } {
  const ru = rng() < 0.6;
  const ctx = new ArticleContext(rng, ru ? 'ru' : 'en', [], null, null);
  if (!ru) return { title: sentence(enForumTitles, ctx), lang: 'en' };
  // The capture's sidebar is full of replies to Russian posts: 'Ответ на "<title>"'.
  const title = rng() < 0.5 ? `Ответ на "${sentence(ruTitles, ctx)}"` : sentence(ruForumTitles, ctx);
  return { title, lang: 'ru' };
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
