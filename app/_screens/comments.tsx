import 'server-only';
import { notFound } from 'next/navigation';
import { deleteCommentAction, editCommentAction, postCommentAction, rateArticleAction, reportCommentAction, voteCommentAction } from '@/app/s/[lang]/comments/actions';
import { CommentsSection, RatingControls } from '@/components/comments/comments-section';
import type { CommentActions, OpenForm } from '@/components/comments/types';
import { listThreadComments, myArticleVote } from '@/db/queries/comments';
import type { Locale } from '@/lib/i18n/locales';
import { canParticipate } from '@/lib/permissions';
import type { Viewer } from '@/lib/viewer';
import { threadPageHref } from '@/lib/comments/page-href';

export type CommentSearchParams = Promise<{ reply?: string | string[]; report?: string | string[]; edit?: string | string[] }>;

const commentActions: CommentActions = {
  post: postCommentAction,
  edit: editCommentAction,
  remove: deleteCommentAction,
  vote: voteCommentAction,
  report: reportCommentAction,
};

/** Which inline form the address asks for (`?reply=12`): how Reply, Report and Edit work without JavaScript. */
export async function openFormFrom(searchParams: CommentSearchParams | undefined): Promise<OpenForm> {
  if (!searchParams) return null;
  const sp = await searchParams;
  for (const kind of ['reply', 'report', 'edit'] as const) {
    const raw = sp[kind];
    const value = Number(Array.isArray(raw) ? raw[0] : raw);
    if (Number.isSafeInteger(value) && value > 0) return { kind, commentId: value };
  }
  return null;
}

/** The comments of a thread, for an article page, a thread page or one of its later pages. */
export function ThreadComments({ threadId, page, locale, viewer, open, path }: { threadId: number; page: number; locale: Locale; viewer: Viewer | null; open: OpenForm; path: string }) {
  const list = listThreadComments(threadId, viewer?.id ?? null, page);
  if (page > list.pages) notFound();
  return (
    <CommentsSection
      threadId={threadId}
      comments={list.comments}
      page={page}
      pages={list.pages}
      locale={locale}
      viewer={viewer}
      actions={canParticipate(viewer) ? commentActions : null}
      open={open}
      path={path}
      pageHref={threadPageHref(threadId)}
    />
  );
}

export function ArticleRating({ articleId, viewer, locale, path }: { articleId: number; viewer: Viewer | null; locale: Locale; path: string }) {
  if (!canParticipate(viewer) || !viewer) return null;
  return <RatingControls articleId={articleId} myVote={myArticleVote(articleId, viewer.id)} action={rateArticleAction} locale={locale} path={path} />;
}
