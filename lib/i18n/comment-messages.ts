import type { Locale } from './locales';

// The words of a comment thread, kept apart from the rest of the dictionary (messages.ts, which spreads
// them in): the comment components run in the browser too, and importing this instead of messages.ts
// keeps the whole two-language dictionary out of the article page's JavaScript.
const en = {
  deletedUser: 'deleted user',
  commentLabel: 'Comment',
  postComment: 'Post comment',
  reply: 'Reply',
  report: 'Report',
  reported: 'Reported',
  voteUp: 'Vote up',
  voteDown: 'Vote down',
  edit: 'Edit',
  delete: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  sendReport: 'Send report',
  reason: 'Reason',
  details: 'Details',
  reasons: { spam: 'Spam', abuse: 'Abuse', 'off-topic': 'Off-topic', other: 'Other' },
  edited: 'edited',
  deletedComment: 'This comment was deleted by its author.',
  hiddenComment: (reason: string) => `Hidden by a moderator: ${reason}`,
  pendingComment: 'Awaiting moderation: only you can see it for now.',
  inReplyTo: (n: number, name: string) => `in reply to №${n}${name ? ` (${name})` : ''}`,
  showNew: (n: number) => `Show ${n} new ${n === 1 ? 'comment' : 'comments'}`,
  loadMore: 'Load more comments',
  earlierComments: 'Earlier comments',
  commentPages: 'Pages of comments',
  noComments: 'No comments yet. Be the first.',
  rateUp: 'Rate the article up',
  rateDown: 'Rate the article down',
  score: 'Score',
  replyTo: (n: number) => `Reply to №${n}`,
  editing: (n: number) => `Edit №${n}`,
  reporting: (n: number) => `Report №${n}`,
} as const;

export type CommentMessages = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends object ? { [P in keyof (typeof en)[K]]: string } : string };

const ru: CommentMessages = {
  deletedUser: 'удалённый пользователь',
  commentLabel: 'Комментарий',
  postComment: 'Отправить комментарий',
  reply: 'Ответить',
  report: 'Пожаловаться',
  reported: 'Жалоба отправлена',
  voteUp: 'Плюс',
  voteDown: 'Минус',
  edit: 'Изменить',
  delete: 'Удалить',
  save: 'Сохранить',
  cancel: 'Отмена',
  sendReport: 'Отправить жалобу',
  reason: 'Причина',
  details: 'Подробности',
  reasons: { spam: 'Спам', abuse: 'Оскорбления', 'off-topic': 'Не по теме', other: 'Другое' },
  edited: 'изменён',
  deletedComment: 'Комментарий удалён автором.',
  hiddenComment: (reason: string) => `Скрыт модератором: ${reason}`,
  pendingComment: 'Ожидает проверки модератором: пока его видите только вы.',
  inReplyTo: (n: number, name: string) => `в ответ на №${n}${name ? ` (${name})` : ''}`,
  showNew: (n: number) => `Показать новые комментарии: ${n}`,
  loadMore: 'Показать ещё комментарии',
  earlierComments: 'Предыдущие комментарии',
  commentPages: 'Страницы комментариев',
  noComments: 'Комментариев пока нет. Будьте первым.',
  rateUp: 'Повысить рейтинг статьи',
  rateDown: 'Понизить рейтинг статьи',
  score: 'Оценка',
  replyTo: (n: number) => `Ответ на №${n}`,
  editing: (n: number) => `Изменить №${n}`,
  reporting: (n: number) => `Жалоба на №${n}`,
};

export const commentDictionaries = { en, ru };

export function commentMessages(locale: Locale): CommentMessages {
  return commentDictionaries[locale];
}
