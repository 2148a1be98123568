import type { Locale } from './locales';

// Every piece of UI text, in both languages. Article text is never translated: it is shown as authored.
const en = {
  siteName: 'Courier',
  siteTagline: 'Defence news and the foreign press, with a live reader discussion',
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  home: 'Home',
  logIn: 'Log in',
  register: 'Register',
  switchLanguage: 'Русский',
  switchLanguageLang: 'ru',
  switchLanguageLabel: 'Читать сайт по-русски',
  latestNews: 'Latest news',
  counters: 'Counters',
  views: 'Views',
  comments: 'Comments',
  rating: 'Rating',
  byline: 'Author',
  pullQuote: 'Quote',
  rights: 'Rights',
  newsMentions: 'The news mentions',
  noMentions: 'Nothing is listed yet.',
  commentPromptBefore: 'Do you want to leave a comment?',
  commentPromptAnd: 'and/or',
  discussion: 'Discussion',
  update: 'Update',
  updating: 'Updating…',
  updated: 'The discussion is up to date.',
  updateFailed: 'Could not update the discussion. Try again.',
  threadComments: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  lastComment: 'Latest comment',
  pagination: 'Pages',
  newer: 'Newer',
  older: 'Older',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  noArticles: 'No articles yet.',
  readArticle: 'Read the article',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  backHome: 'Go to the front page',
  threadArchived:
    'This discussion was brought over from the portal’s archive: its title, time and comment count are known, but the comments themselves are not in the archive.',
  threadOfArticle: 'This is the discussion of the article',
  mentionTitle: (name: string) => `News that mentions ${name}`,
  mentionKinds: { person: 'Person', place: 'Place', organization: 'Organisation', topic: 'Topic' },
  articlesCount: (n: number) => (n === 1 ? '1 article' : `${n} articles`),
  comingSoon: 'This page is not open yet: accounts are on their way.',
  errorTitle: 'Something went wrong',
  errorText: 'The page could not be shown. Please try again in a moment.',
  tryAgain: 'Try again',
} as const;

export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends object ? { [P in keyof (typeof en)[K]]: string } : string };

const ru: Messages = {
  siteName: 'Курьер',
  siteTagline: 'Оборонные новости и зарубежная пресса с живым обсуждением читателей',
  skipToContent: 'Перейти к содержанию',
  mainNav: 'Главное меню',
  home: 'Главная',
  logIn: 'Войти',
  register: 'Регистрация',
  switchLanguage: 'English',
  switchLanguageLang: 'en',
  switchLanguageLabel: 'Read the site in English',
  latestNews: 'Последние новости',
  counters: 'Счётчики',
  views: 'Просмотры',
  comments: 'Комментарии',
  rating: 'Рейтинг',
  byline: 'Автор',
  pullQuote: 'Цитата',
  rights: 'Права',
  newsMentions: 'Упоминаемые в новости',
  noMentions: 'Пока ничего не указано.',
  commentPromptBefore: 'Хотите оставить комментарий?',
  commentPromptAnd: 'и/или',
  discussion: 'Обсуждение',
  update: 'Обновить',
  updating: 'Обновляем…',
  updated: 'Обсуждение обновлено.',
  updateFailed: 'Не удалось обновить обсуждение. Попробуйте ещё раз.',
  threadComments: (n: number) => `${n} ${plural(n, 'комментарий', 'комментария', 'комментариев')}`,
  lastComment: 'Последний комментарий',
  pagination: 'Страницы',
  newer: 'Новее',
  older: 'Старше',
  pageOf: (page: number, pages: number) => `Страница ${page} из ${pages}`,
  noArticles: 'Статей пока нет.',
  readArticle: 'Читать статью',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'По этому адресу ничего нет. Возможно, страница переехала или в ссылке опечатка.',
  backHome: 'На главную',
  threadArchived:
    'Это обсуждение перенесено из архива портала: известны его название, время и число комментариев, но самих комментариев в архиве нет.',
  threadOfArticle: 'Это обсуждение статьи',
  mentionTitle: (name: string) => `Новости, в которых упоминается ${name}`,
  mentionKinds: { person: 'Персона', place: 'Место', organization: 'Организация', topic: 'Тема' },
  articlesCount: (n: number) => `${n} ${plural(n, 'статья', 'статьи', 'статей')}`,
  comingSoon: 'Эта страница ещё не открыта: учётные записи скоро появятся.',
  errorTitle: 'Что-то пошло не так',
  errorText: 'Страницу не удалось показать. Попробуйте ещё раз чуть позже.',
  tryAgain: 'Попробовать ещё раз',
};

function plural(n: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru').select(n);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

const dictionaries: Record<Locale, Messages> = { en, ru };

export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}
