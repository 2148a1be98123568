/** One line of the moderation record, as the admin page and the public log show it. */
export type LogEntry = { id: number; action: string; targetType: 'comment' | 'user' | 'settings'; targetId: number | null; reason: string | null; createdAt: number; actorName: string; target: string; targetHref: string | null };
