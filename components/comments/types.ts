import type { ActionState } from '@/lib/action-state';

export type FormActionFn = (previous: ActionState | undefined, form: FormData) => Promise<ActionState>;

/** The comment write actions, handed down from the page (components never import app/ or db/). */
export type CommentActions = {
  post: FormActionFn;
  edit: FormActionFn;
  remove: FormActionFn;
  vote: FormActionFn;
  report: FormActionFn;
};

/** Which inline form is open (from `?reply=`, `?report=`, `?edit=`: works without JavaScript). */
export type OpenForm = { kind: 'reply' | 'report' | 'edit'; commentId: number } | null;

export type CommentViewer = { id: number; banned: boolean } | null;
