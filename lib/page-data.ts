import 'server-only';
import { listDiscussion } from '@/db/queries/discussion';
import { toDiscussionItems } from './discussion';

/** Every page that shows the sidebar gets it the same way. */
export function discussionItems() {
  return toDiscussionItems(listDiscussion());
}
