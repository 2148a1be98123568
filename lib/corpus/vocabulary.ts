/**
 * Word lists for the synthetic corpus, in the register of the captured pages: defence news and
 * translated foreign press. People are invented (first name × surname) so that generated text never
 * puts made-up words in a real person's mouth; places, organisations and weapons are real, as the
 * site's mention pages would be meaningless with invented ones.
 */

export type MentionKind = 'person' | 'place' | 'organization' | 'topic';

export interface PoolEntry {
  /** The English form: stored as mentions.name and slugged. */
  readonly name: string;
  /** The English form inside a sentence: "the Black Sea", "the Pentagon". */
  readonly en: string;
  /** The Russian form, used inside Russian articles. */
  readonly ru: string;
  readonly kind: MentionKind;
  /** For people: how a sentence introduces them, [English, Russian]. */
  readonly role?: readonly [string, string];
}

export type Pair = readonly [en: string, ru: string];

export const slavicFirst: readonly Pair[] = [
  ['Viktor', 'Виктор'], ['Alexei', 'Алексей'], ['Sergei', 'Сергей'], ['Dmitry', 'Дмитрий'],
  ['Igor', 'Игорь'], ['Oleg', 'Олег'], ['Pavel', 'Павел'], ['Andrei', 'Андрей'],
  ['Mikhail', 'Михаил'], ['Nikolai', 'Николай'], ['Yuri', 'Юрий'], ['Konstantin', 'Константин'],
  ['Roman', 'Роман'], ['Gennady', 'Геннадий'], ['Boris', 'Борис'], ['Vadim', 'Вадим'],
  ['Stanislav', 'Станислав'], ['Grigory', 'Григорий'], ['Arkady', 'Аркадий'], ['Timofei', 'Тимофей'],
];

export const slavicLast: readonly Pair[] = [
  ['Dragunov', 'Драгунов'], ['Belov', 'Белов'], ['Sokolov', 'Соколов'], ['Gromov', 'Громов'],
  ['Voronin', 'Воронин'], ['Kuznetsov', 'Кузнецов'], ['Orlov', 'Орлов'], ['Zaitsev', 'Зайцев'],
  ['Lebedev', 'Лебедев'], ['Morozov', 'Морозов'], ['Volkov', 'Волков'], ['Rybakov', 'Рыбаков'],
  ['Shcherbakov', 'Щербаков'], ['Tarasov', 'Тарасов'], ['Yermakov', 'Ермаков'], ['Kovalenko', 'Коваленко'],
  ['Marchenko', 'Марченко'], ['Bondarenko', 'Бондаренко'], ['Tkachenko', 'Ткаченко'], ['Savchenko', 'Савченко'],
  ['Lukin', 'Лукин'], ['Panin', 'Панин'], ['Ignatov', 'Игнатов'], ['Seleznev', 'Селезнёв'],
  ['Averin', 'Аверин'], ['Kalinin', 'Калинин'], ['Rudakov', 'Рудаков'], ['Sheremet', 'Шеремет'],
];

export const foreignFirst: readonly Pair[] = [
  ['John', 'Джон'], ['Michael', 'Майкл'], ['David', 'Дэвид'], ['Mark', 'Марк'], ['Thomas', 'Томас'],
  ['Peter', 'Питер'], ['James', 'Джеймс'], ['Robert', 'Роберт'], ['Hans', 'Ханс'], ['Pierre', 'Пьер'],
  ['Marek', 'Марек'], ['Lars', 'Ларс'], ['Dragan', 'Драган'], ['Mehmet', 'Мехмет'], ['Kenji', 'Кэндзи'],
];

export const foreignLast: readonly Pair[] = [
  ['Miller', 'Миллер'], ['Harris', 'Харрис'], ['Walker', 'Уокер'], ['Brooks', 'Брукс'], ['Fischer', 'Фишер'],
  ['Kowalski', 'Ковальски'], ['Dubois', 'Дюбуа'], ['Novak', 'Новак'], ['Lindqvist', 'Линдквист'],
  ['Petrovic', 'Петрович'], ['Hartmann', 'Хартманн'], ['Caldwell', 'Колдуэлл'], ['Yilmaz', 'Йылмаз'],
  ['Tanaka', 'Танака'], ['Reyes', 'Рейес'], ['Marjanovic', 'Марьянович'], ['Sutherland', 'Сазерленд'],
];

const slavicRoles: readonly Pair[] = [
  ['Defence Minister', 'министр обороны'], ['General', 'генерал'], ['military expert', 'военный эксперт'],
  ['political scientist', 'политолог'], ['presidential spokesman', 'пресс-секретарь президента'],
  ['retired colonel', 'полковник в отставке'], ['Foreign Minister', 'министр иностранных дел'],
  ['fleet commander', 'командующий флотом'], ['deputy', 'депутат'], ['military historian', 'военный историк'],
  ['chief designer', 'генеральный конструктор'], ['Chief of the General Staff', 'начальник Генштаба'],
];

const foreignRoles: readonly Pair[] = [
  ['Senator', 'сенатор'], ['analyst', 'аналитик'], ['retired general', 'генерал в отставке'],
  ['defence columnist', 'военный обозреватель'], ['NATO official', 'представитель НАТО'],
  ['Pentagon spokesman', 'представитель Пентагона'], ['military analyst', 'военный аналитик'],
  ['former intelligence officer', 'бывший сотрудник разведки'],
];

function invent(count: number, first: readonly Pair[], last: readonly Pair[], roles: readonly Pair[], step: number): PoolEntry[] {
  const out: PoolEntry[] = [];
  const seen = new Set<string>();
  // Fixed strides through the lists: the pool is the same for every seed, so appending runs with
  // different seeds reuse mentions instead of minting near-duplicates.
  for (let i = 0; out.length < count; i++) {
    const f = first[(i * 7) % first.length] as Pair;
    const l = last[(i * step) % last.length] as Pair;
    const name = `${f[0]} ${l[0]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, en: name, ru: `${f[1]} ${l[1]}`, kind: 'person', role: roles[(i * 5) % roles.length] as Pair });
  }
  return out;
}

const places: readonly Pair[] = [
  ['Ukraine', 'Украина'], ['Russia', 'Россия'], ['Belarus', 'Белоруссия'], ['Kiev', 'Киев'], ['Minsk', 'Минск'],
  ['Moscow', 'Москва'], ['Warsaw', 'Варшава'], ['Vilnius', 'Вильнюс'], ['Riga', 'Рига'], ['Tallinn', 'Таллин'],
  ['Kharkiv', 'Харьков'], ['Kherson', 'Херсон'], ['Donbass', 'Донбасс'], ['Crimea', 'Крым'],
  ['Black Sea', 'Чёрное море'], ['Baltic Sea', 'Балтийское море'], ['Arctic', 'Арктика'], ['Syria', 'Сирия'],
  ['Iran', 'Иран'], ['China', 'Китай'], ['Beijing', 'Пекин'], ['Washington', 'Вашингтон'], ['USA', 'США'],
  ['Germany', 'Германия'], ['Berlin', 'Берлин'], ['France', 'Франция'], ['Paris', 'Париж'],
  ['United Kingdom', 'Великобритания'], ['London', 'Лондон'], ['Turkey', 'Турция'], ['Ankara', 'Анкара'],
  ['India', 'Индия'], ['New Delhi', 'Нью-Дели'], ['Japan', 'Япония'], ['Taiwan', 'Тайвань'],
  ['North Korea', 'КНДР'], ['Israel', 'Израиль'], ['Poland', 'Польша'], ['Finland', 'Финляндия'],
  ['Sweden', 'Швеция'], ['Norway', 'Норвегия'], ['Serbia', 'Сербия'], ['Kazakhstan', 'Казахстан'],
  ['Armenia', 'Армения'], ['Azerbaijan', 'Азербайджан'], ['Georgia', 'Грузия'], ['Moldova', 'Молдавия'],
  ['Transnistria', 'Приднестровье'], ['Kaliningrad', 'Калининград'], ['Sevastopol', 'Севастополь'],
  ['Odessa', 'Одесса'], ['Nikolaev', 'Николаев'], ['Zaporozhye', 'Запорожье'], ['Artemovsk', 'Артёмовск'],
  ['Avdiivka', 'Авдеевка'], ['Belgorod', 'Белгород'], ['Kursk', 'Курск'], ['Rostov-on-Don', 'Ростов-на-Дону'],
  ['Novorossiysk', 'Новороссийск'], ['Murmansk', 'Мурманск'], ['Vladivostok', 'Владивосток'],
  ['Severomorsk', 'Североморск'], ['Kamchatka', 'Камчатка'], ['Kuril Islands', 'Курилы'],
  ['Bosphorus', 'Босфор'], ['Red Sea', 'Красное море'], ['Persian Gulf', 'Персидский залив'],
  ['South China Sea', 'Южно-Китайское море'], ['Pacific Ocean', 'Тихий океан'], ['Mediterranean', 'Средиземноморье'],
  ['Hungary', 'Венгрия'], ['Slovakia', 'Словакия'], ['Czech Republic', 'Чехия'], ['Romania', 'Румыния'],
  ['Bulgaria', 'Болгария'], ['Greece', 'Греция'], ['Italy', 'Италия'], ['Spain', 'Испания'],
  ['Netherlands', 'Нидерланды'], ['Denmark', 'Дания'], ['Estonia', 'Эстония'], ['Latvia', 'Латвия'],
  ['Lithuania', 'Литва'], ['Pakistan', 'Пакистан'], ['Afghanistan', 'Афганистан'], ['Egypt', 'Египет'],
  ['Saudi Arabia', 'Саудовская Аравия'], ['Brazil', 'Бразилия'], ['Venezuela', 'Венесуэла'],
  ['South Africa', 'ЮАР'], ['Australia', 'Австралия'], ['South Korea', 'Южная Корея'], ['Vietnam', 'Вьетнам'],
];

const organizations: readonly Pair[] = [
  ['NATO', 'НАТО'], ['Pentagon', 'Пентагон'], ['Russian Ministry of Defence', 'Минобороны России'],
  ['Armed Forces of Ukraine', 'ВСУ'], ['CSTO', 'ОДКБ'], ['European Union', 'Евросоюз'], ['United Nations', 'ООН'],
  ['IAEA', 'МАГАТЭ'], ['Rostec', 'Ростех'], ['Almaz-Antey', 'Алмаз-Антей'], ['Uralvagonzavod', 'Уралвагонзавод'],
  ['Lockheed Martin', 'Lockheed Martin'], ['Raytheon', 'Raytheon'], ['Boeing', 'Boeing'], ['BAE Systems', 'BAE Systems'],
  ['Rheinmetall', 'Rheinmetall'], ['Krauss-Maffei Wegmann', 'Krauss-Maffei Wegmann'], ['Saab', 'Saab'],
  ['Dassault Aviation', 'Dassault Aviation'], ['Sukhoi', 'ОКБ Сухого'], ['MiG Corporation', 'РСК «МиГ»'],
  ['Kalashnikov Concern', 'Концерн «Калашников»'], ['United Shipbuilding Corporation', 'ОСК'],
  ['United Aircraft Corporation', 'ОАК'], ['Roscosmos', 'Роскосмос'], ['Bundeswehr', 'Бундесвер'],
  ['US Congress', 'Конгресс США'], ['State Department', 'Госдеп'], ['Kremlin', 'Кремль'], ['White House', 'Белый дом'],
  ['General Staff', 'Генштаб'], ['Black Sea Fleet', 'Черноморский флот'], ['Northern Fleet', 'Северный флот'],
  ['Pacific Fleet', 'Тихоокеанский флот'], ['Baltic Fleet', 'Балтийский флот'], ['Aerospace Forces', 'ВКС России'],
  ['Strategic Missile Forces', 'РВСН'], ['Airborne Forces', 'ВДВ'], ['SCO', 'ШОС'], ['BRICS', 'БРИКС'], ['G7', 'G7'],
  ['European Commission', 'Еврокомиссия'], ['Bundestag', 'Бундестаг'], ['US Army', 'Армия США'],
  ['US Navy', 'ВМС США'], ['US Air Force', 'ВВС США'], ['Royal Navy', 'Королевский флот'],
  ['People\'s Liberation Army', 'НОАК'], ['IRGC', 'КСИР'], ['Turkish Armed Forces', 'Вооружённые силы Турции'],
  ['Rosoboronexport', 'Рособоронэкспорт'], ['Tactical Missiles Corporation', 'КТРВ'],
  ['Zvezda TV', 'Телеканал «Звезда»'], ['OSCE', 'ОБСЕ'], ['Pentagon Inspector General', 'Генеральный инспектор Пентагона'],
];

const topics: readonly Pair[] = [
  ['Su-35', 'Су-35'], ['Su-57', 'Су-57'], ['Su-34', 'Су-34'], ['Su-25', 'Су-25'], ['MiG-31', 'МиГ-31'],
  ['Tu-160', 'Ту-160'], ['Tu-22M3', 'Ту-22М3'], ['Ka-52', 'Ка-52'], ['Mi-28', 'Ми-28'], ['S-400', 'С-400'],
  ['S-500', 'С-500'], ['Pantsir', 'Панцирь'], ['Tor-M2', 'Тор-М2'], ['Iskander', 'Искандер'], ['Kinzhal', 'Кинжал'],
  ['Zircon', 'Циркон'], ['Sarmat', 'Сармат'], ['Poseidon', 'Посейдон'], ['Kalibr', 'Калибр'], ['T-14 Armata', 'Т-14 «Армата»'],
  ['T-90M', 'Т-90М'], ['T-72B3', 'Т-72Б3'], ['BMP-3', 'БМП-3'], ['Msta-S', 'Мста-С'], ['Tornado-S', 'Торнадо-С'],
  ['Leopard 2', 'Leopard 2'], ['Abrams', 'Abrams'], ['Challenger 2', 'Challenger 2'], ['Bradley', 'Bradley'],
  ['HIMARS', 'HIMARS'], ['Patriot', 'Patriot'], ['IRIS-T', 'IRIS-T'], ['F-16', 'F-16'], ['F-35', 'F-35'],
  ['Lancet', 'Ланцет'], ['Geran-2', 'Герань-2'], ['Bayraktar TB2', 'Bayraktar TB2'], ['Orlan-10', 'Орлан-10'],
  ['Javelin', 'Javelin'], ['ATACMS', 'ATACMS'], ['Storm Shadow', 'Storm Shadow'], ['Admiral Kuznetsov', 'Адмирал Кузнецов'],
  ['air defence', 'ПВО'], ['electronic warfare', 'РЭБ'], ['drones', 'беспилотники'], ['artillery', 'артиллерия'],
  ['ammunition supply', 'снабжение боеприпасами'], ['military-industrial complex', 'ВПК'], ['sanctions', 'санкции'],
  ['mobilisation', 'мобилизация'], ['hypersonic weapons', 'гиперзвуковое оружие'], ['nuclear deterrence', 'ядерное сдерживание'],
  ['counter-battery fire', 'контрбатарейная борьба'], ['military logistics', 'военная логистика'],
  ['arms exports', 'экспорт вооружений'], ['satellite reconnaissance', 'спутниковая разведка'],
  ['tank armour', 'танковая броня'], ['naval aviation', 'морская авиация'], ['submarines', 'подводные лодки'],
  ['encrypted communications', 'защищённая связь'], ['military budget', 'военный бюджет'],
  ['missile defence', 'противоракетная оборона'], ['special military operation', 'специальная военная операция'],
  ['grain corridor', 'зерновой коридор'], ['energy infrastructure', 'энергетическая инфраструктура'],
];

// Names English prose puts an article before; mentions.name stays bare, as a heading would show it.
const withThe = new Set([
  'Black Sea', 'Baltic Sea', 'Arctic', 'United Kingdom', 'Netherlands', 'Czech Republic', 'Red Sea', 'Persian Gulf',
  'South China Sea', 'Pacific Ocean', 'Mediterranean', 'Bosphorus', 'Kuril Islands', 'USA', 'Donbass',
  'Pentagon', 'Kremlin', 'White House', 'State Department', 'General Staff', 'Black Sea Fleet', 'Northern Fleet',
  'Pacific Fleet', 'Baltic Fleet', 'European Union', 'United Nations', 'Bundeswehr', 'US Congress', 'Aerospace Forces',
  'Strategic Missile Forces', 'Airborne Forces', 'European Commission', 'Bundestag', 'US Army', 'US Navy',
  'US Air Force', 'Royal Navy', "People's Liberation Army", 'IRGC', 'Turkish Armed Forces', 'Tactical Missiles Corporation',
  'Pentagon Inspector General', 'Russian Ministry of Defence', 'Armed Forces of Ukraine', 'United Shipbuilding Corporation',
  'United Aircraft Corporation', 'Kalashnikov Concern', 'MiG Corporation', 'IAEA', 'OSCE',
]);

function entries(pairs: readonly Pair[], kind: MentionKind): PoolEntry[] {
  return pairs.map(([name, ru]) => ({ name, en: withThe.has(name) ? `the ${name}` : name, ru, kind }));
}

/** The fixed pool of mentionable names (~320): popularity is assigned per seed, the names are not. */
export const mentionPool: readonly PoolEntry[] = [
  ...invent(70, slavicFirst, slavicLast, slavicRoles, 11),
  ...invent(40, foreignFirst, foreignLast, foreignRoles, 3),
  ...entries(places, 'place'),
  ...entries(organizations, 'organization'),
  ...entries(topics, 'topic'),
];

export interface Outlet {
  readonly name: string;
  readonly country: Pair;
  /** Chinese, Turkish… outlets: the byline's original-script form differs from its romanisation. */
  readonly script?: 'latin' | 'cyrillic' | 'cjk';
}

export const foreignOutlets: readonly Outlet[] = [
  { name: 'The National Interest', country: ['USA', 'США'] },
  { name: 'Advance', country: ['Croatia', 'Хорватия'] },
  { name: 'infoBRICS', country: ['China', 'Китай'], script: 'cjk' },
  { name: '19FortyFive', country: ['USA', 'США'] },
  { name: 'Military Watch Magazine', country: ['USA', 'США'] },
  { name: 'Forbes', country: ['USA', 'США'] },
  { name: 'Newsweek', country: ['USA', 'США'] },
  { name: 'Responsible Statecraft', country: ['USA', 'США'] },
  { name: 'Foreign Affairs', country: ['USA', 'США'] },
  { name: 'The Washington Post', country: ['USA', 'США'] },
  { name: 'Politico', country: ['USA', 'США'] },
  { name: 'Asia Times', country: ['Hong Kong', 'Гонконг'] },
  { name: 'Sohu', country: ['China', 'Китай'], script: 'cjk' },
  { name: 'Sina', country: ['China', 'Китай'], script: 'cjk' },
  { name: 'The Telegraph', country: ['UK', 'Великобритания'] },
  { name: 'The Economist', country: ['UK', 'Великобритания'] },
  { name: 'Die Welt', country: ['Germany', 'Германия'] },
  { name: 'Frankfurter Allgemeine Zeitung', country: ['Germany', 'Германия'] },
  { name: 'Le Figaro', country: ['France', 'Франция'] },
  { name: 'Onet', country: ['Poland', 'Польша'] },
  { name: 'Rzeczpospolita', country: ['Poland', 'Польша'] },
  { name: 'Yeni Şafak', country: ['Turkey', 'Турция'] },
  { name: 'Hürriyet', country: ['Turkey', 'Турция'] },
  { name: 'The EurAsian Times', country: ['India', 'Индия'] },
  { name: 'Helsingin Sanomat', country: ['Finland', 'Финляндия'] },
  { name: 'Aftonbladet', country: ['Sweden', 'Швеция'] },
  { name: 'Večernje Novosti', country: ['Serbia', 'Сербия'], script: 'cyrillic' },
  { name: 'Il Fatto Quotidiano', country: ['Italy', 'Италия'] },
  { name: 'El País', country: ['Spain', 'Испания'] },
  { name: 'Breaking Defense', country: ['USA', 'США'] },
];

export const russianOutlets: readonly string[] = [
  'Военное обозрение', 'Независимое военное обозрение', 'Звезда', 'Известия', 'РИА Новости', 'ТАСС',
  'Военно-промышленный курьер', 'Национальная оборона', 'Арсенал Отечества',
];

/** Foreign authors, romanised as the site prints them; `cjk`/`cyrillic` outlets also get an original form. */
export const bylineSurnames: readonly string[] = [
  'Marjanovich', 'Harrington', 'Keller', 'Osborne', 'Nowicki', 'Lemaire', 'Brandt', 'Vukovic', 'Sato',
  'Whitfield', 'Kaya', 'Rossi', 'Jansen', 'Lindberg', 'Gallagher', 'Moreau', 'Wisniewski', 'Hale',
  'Eriksen', 'Dunn', 'Pavlovic', 'Becker', 'Sinclair', 'Castellano',
];
export const cjkBylines: readonly Pair[] = [
  ['Wang Lei', '王磊'], ['Li Qiang', '李强'], ['Zhang Wei', '张伟'], ['Chen Hao', '陈浩'], ['Liu Yang', '刘洋'],
  ['Zhao Min', '赵敏'], ['Sun Tao', '孙涛'], ['Zhou Jun', '周军'],
];
export const cyrillicBylines: readonly Pair[] = [
  ['D. Jovanovic', 'Д. Јовановић'], ['M. Petrovic', 'М. Петровић'], ['N. Ilic', 'Н. Илић'], ['S. Markovic', 'С. Марковић'],
];
export const russianBylines: readonly string[] = [
  'Александр Широкорад', 'Андрей Сидорчик', 'Роман Скоморохов', 'Сергей Юферев', 'Илья Полонский',
  'Кирилл Рябов', 'Виктор Мураховский', 'Алексей Рамм', 'Олег Фаличев', 'Дмитрий Литовкин',
];
export const initials = 'ABCDEFGHJKLMNPRSTVW';

export const imageCredits: readonly string[] = [
  '© РИА Новости Павел Бедняков', '© РИА Новости Сергей Бобылев', '© ТАСС / Сергей Бобылев', '© AP Photo',
  '© Reuters', '© AFP / EAST NEWS', '© Министерство обороны РФ', '© Wikimedia Commons', '© Sputnik',
  '© U.S. Army / Sgt. Jane Doe', '© Bundeswehr', '© Минобороны России / ТАСС',
];

export const rights = {
  en: {
    rightsLine: 'The rights to this material belong to',
    licenceNote: 'The material is placed by the copyright holder in the public domain',
    originalLinkText: 'Original publication',
    disclaimer: "InoSMI materials contain ratings exclusively from foreign media and do not reflect the editorial board's position ВПК.name",
  },
  ru: {
    rightsLine: 'Права на данный материал принадлежат',
    licenceNote: 'Материал размещён правообладателем в открытом доступе',
    originalLinkText: 'Оригинал публикации',
    disclaimer: 'Материалы ИноСМИ содержат оценки исключительно зарубежных СМИ и не отражают позицию редакции ВПК.name',
  },
} as const;

// ── Readers ─────────────────────────────────────────────────────────────────────────────────
// Synthetic commenters sign as forum regulars do: a real-looking name, a clipped one, or a handle.

/** Handle stems, [Latin, Cyrillic]: a reader picks one script. */
export const handleWords: readonly Pair[] = [
  ['Tanker', 'Танкист'], ['Navigator', 'Штурман'], ['Observer', 'Наблюдатель'], ['Sapper', 'Сапёр'],
  ['Old_soldier', 'Старый_солдат'], ['Pilot', 'Лётчик'], ['Gunner', 'Артиллерист'], ['Siberian', 'Сибиряк'],
  ['Uralets', 'Уралец'], ['Veteran', 'Ветеран'], ['Engineer', 'Инженер'], ['Retired', 'Отставник'],
  ['Analyst', 'Аналитик'], ['Signalman', 'Связист'], ['Paratrooper', 'Десантник'], ['Sailor', 'Моряк'],
  ['Pensioner', 'Пенсионер'], ['Skeptic', 'Скептик'], ['Optimist', 'Оптимист'], ['Realist', 'Реалист'],
  ['Northerner', 'Северянин'], ['Cossack', 'Казак'], ['Radar', 'Радар'], ['Partisan', 'Партизан'],
  ['Bosun', 'Боцман'], ['Mechanic', 'Механик'], ['Historian', 'Историк'], ['Hunter', 'Охотник'],
  ['Lynx', 'Рысь'], ['Falcon', 'Сокол'], ['Bear', 'Медведь'], ['Wolf', 'Волк'],
];

/**
 * Hosts for links in comments: reserved example domains (RFC 2606), so a synthetic link never
 * points at a real site's made-up page.
 */
export const linkHosts: readonly string[] = ['example.com', 'www.example.org', 'news.example.net', 'forum.example.com'];
