import { z } from 'zod';
import { COMMENT_MAX } from './types';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A comment's text: trimmed, 1–5 000 characters, line breaks kept, nothing else changed. */
export const commentText = z
  .string()
  .transform((v) => v.replace(/\r\n?/g, '\n').trim())
  .refine((v) => v.length > 0, 'Write something first: a comment cannot be empty.')
  .refine((v) => [...v].length <= COMMENT_MAX, `A comment is at most ${COMMENT_MAX} characters.`)
  .refine((v) => !v.includes('\u0000'), 'A comment cannot contain NUL characters.');

export const postSchema = z.object({ threadId: id, parentId: id.optional(), body: commentText, returnTo: z.string().max(2000).optional() });
export const editSchema = z.object({ commentId: id, body: commentText, returnTo: z.string().max(2000).optional() });
export const commentIdSchema = z.object({ commentId: id, returnTo: z.string().max(2000).optional() });
export const voteSchema = z.object({ commentId: id, value: z.enum(['1', '-1', '0']).transform(Number), returnTo: z.string().max(2000).optional() });
export const rateSchema = z.object({ articleId: id, value: z.enum(['1', '-1', '0']).transform(Number), returnTo: z.string().max(2000).optional() });
export const reportSchema = z.object({
  commentId: id,
  reason: z.enum(['spam', 'abuse', 'off-topic', 'other'], { error: 'Choose a reason.' }),
  details: z
    .string()
    .trim()
    .max(1000, 'Details are at most 1 000 characters.')
    .optional()
    .transform((v) => v || null),
  returnTo: z.string().max(2000).optional(),
});
