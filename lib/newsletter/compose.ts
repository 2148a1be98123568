import escapeHtml from 'escape-html';
import type { DigestArticle, DigestThread } from '@/db/queries/newsletter';
import type { Locale } from '@/lib/i18n/locales';
import { articlePath } from '@/lib/slug';
import { siteUrl } from '@/lib/site-url';
import type { OutgoingMail } from './mailer';

/**
 * The newsletter's e-mails, as plain text and HTML. Everything that comes from the store is escaped
 * here, once, so no title or summary can add markup to a message.
 */

const url = (path: string) => `${siteUrl()}${path}`;
const threadUrl = (t: DigestThread) => url(t.articleId !== null && t.articleSlug !== null ? articlePath({ id: t.articleId, slug: t.articleSlug }) : `/threads/${t.id}`);

const text = {
  en: {
    confirmSubject: 'Confirm your subscription to Courier’s daily news',
    confirmBody: (link: string) =>
      `Someone, probably you, asked to receive Courier’s daily e-mail digest of the news at this address.\n\nTo confirm, open this link within 48 hours:\n${link}\n\nIf it was not you, ignore this message: nothing will be sent.`,
    confirmButton: 'Confirm the subscription',
    alreadySubject: 'You are already subscribed to Courier’s daily news',
    alreadyBody: (link: string) =>
      `Someone, probably you, asked to subscribe this address to Courier’s daily digest. It already receives it, so nothing has changed.\n\nTo stop receiving it, open:\n${link}`,
    unsubscribeLabel: 'Unsubscribe',
    digestSubject: (date: string) => `Courier daily news, ${date}`,
    digestIntro: (date: string) => `The news of ${date}.`,
    latestIntro: 'No new articles in the last 24 hours. The latest ones:',
    discussed: 'Most discussed today',
    comments: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
    footer: 'You receive this because you subscribed to Courier’s daily digest.',
    dateLocale: 'en-GB',
  },
  ru: {
    confirmSubject: 'Подтвердите подписку на ежедневные новости Courier',
    confirmBody: (link: string) =>
      `Кто-то, вероятно вы, попросил присылать на этот адрес ежедневную рассылку новостей Courier.\n\nЧтобы подтвердить подписку, откройте ссылку в течение 48 часов:\n${link}\n\nЕсли это были не вы, просто не отвечайте: писем не будет.`,
    confirmButton: 'Подтвердить подписку',
    alreadySubject: 'Вы уже подписаны на ежедневные новости Courier',
    alreadyBody: (link: string) =>
      `Кто-то, вероятно вы, попросил подписать этот адрес на рассылку Courier. Адрес уже получает её, ничего не изменилось.\n\nЧтобы отписаться, откройте:\n${link}`,
    unsubscribeLabel: 'Отписаться',
    digestSubject: (date: string) => `Новости Courier за ${date}`,
    digestIntro: (date: string) => `Новости за ${date}.`,
    latestIntro: 'За последние сутки новых статей нет. Последние статьи:',
    discussed: 'Самое обсуждаемое за день',
    comments: (n: number) => {
      const mod10 = n % 10;
      const mod100 = n % 100;
      const word = mod10 === 1 && mod100 !== 11 ? 'комментарий' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'комментария' : 'комментариев';
      return `${n} ${word}`;
    },
    footer: 'Вы получаете это письмо, потому что подписались на ежедневную рассылку Courier.',
    dateLocale: 'ru-RU',
  },
} as const;

const shell = (lang: Locale, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>` +
  `<body style="margin:0;padding:24px;font-family:Georgia,serif;color:#1e293b;background:#fff"><div style="max-width:640px;margin:0 auto">${body}</div></body></html>`;

const link = (href: string, label: string) => `<a href="${escapeHtml(href)}" style="color:#991b1b">${escapeHtml(label)}</a>`;

const paragraphs = (s: string) =>
  s
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** A short notice: its text, and the one link it is about as a button under it in the HTML part. */
function linkMail(to: string, locale: Locale, subject: string, body: string, url: string, label: string): OutgoingMail {
  return { to, subject, text: body, html: shell(locale, `${paragraphs(body)}<p>${link(url, label)}</p>`) };
}

export function confirmationMail(to: string, locale: Locale, confirmUrl: string): OutgoingMail {
  const t = text[locale];
  return linkMail(to, locale, t.confirmSubject, t.confirmBody(confirmUrl), confirmUrl, t.confirmButton);
}

export function alreadySubscribedMail(to: string, locale: Locale, unsubscribeUrl: string): OutgoingMail {
  const t = text[locale];
  return { ...linkMail(to, locale, t.alreadySubject, t.alreadyBody(unsubscribeUrl), unsubscribeUrl, t.unsubscribeLabel), unsubscribeUrl };
}

export type DigestContent = {
  /** The day, `YYYY-MM-DD` in the site's time zone. */
  date: string;
  /** Noon of that day, for formatting the date in words. */
  dateMs: number;
  timeZone: string;
  articles: DigestArticle[];
  /** True when no article was new in the window and the digest recalls the latest ones instead. */
  latest: boolean;
  threads: DigestThread[];
};

export type RenderedDigest = { subject: string; text: string; html: string };

const UNSUBSCRIBE = '\u0000UNSUBSCRIBE\u0000';

/**
 * Renders a digest once per language with a placeholder for the unsubscribe link; `personalise`
 * fills it in per reader, so 10 000 readers cost one render, not 10 000.
 */
export function renderDigest(content: DigestContent, locale: Locale): RenderedDigest {
  const t = text[locale];
  const day = new Intl.DateTimeFormat(t.dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: content.timeZone }).format(content.dateMs);
  const subject = t.digestSubject(day);
  const intro = content.latest ? t.latestIntro : t.digestIntro(day);

  const textParts = [subject, '', intro, ''];
  for (const a of content.articles) {
    textParts.push(a.title, ...(a.summary ? [a.summary] : []), url(articlePath(a)), '');
  }
  if (content.threads.length > 0) {
    textParts.push(t.discussed, '');
    for (const th of content.threads) textParts.push(`${th.title} (${t.comments(th.comments)})`, threadUrl(th), '');
  }
  textParts.push('--', t.footer, `${t.unsubscribeLabel}: ${UNSUBSCRIBE}`);

  const articlesHtml = content.articles
    .map(
      (a) =>
        `<article style="margin:0 0 20px"><h2 style="font-size:20px;margin:0 0 4px">${link(url(articlePath(a)), a.title)}</h2>` +
        (a.summary ? `<p style="margin:0">${escapeHtml(a.summary)}</p>` : '') +
        '</article>',
    )
    .join('');
  const threadsHtml =
    content.threads.length > 0
      ? `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(t.discussed)}</h2><ul>` +
        content.threads.map((th) => `<li>${link(threadUrl(th), th.title)} (${escapeHtml(t.comments(th.comments))})</li>`).join('') +
        '</ul>'
      : '';
  const html = shell(
    locale,
    `<h1 style="font-size:24px">${escapeHtml(subject)}</h1><p>${escapeHtml(intro)}</p>${articlesHtml}${threadsHtml}` +
      `<hr><p style="font-size:13px;color:#475569">${escapeHtml(t.footer)} <a href="${UNSUBSCRIBE}" style="color:#991b1b">${escapeHtml(t.unsubscribeLabel)}</a></p>`,
  );
  return { subject, text: textParts.join('\n'), html };
}

export function personalise(digest: RenderedDigest, to: string, unsubscribeUrl: string): OutgoingMail {
  return {
    to,
    subject: digest.subject,
    text: digest.text.replace(UNSUBSCRIBE, unsubscribeUrl),
    html: digest.html.replace(UNSUBSCRIBE, escapeHtml(unsubscribeUrl)),
    unsubscribeUrl,
  };
}
