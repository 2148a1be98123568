// One of many processes posting at once (see db/mutations/comments.concurrency.test.ts).
import { postComment } from '@/db/mutations/comments';
import { openDb } from '@/db/open';

const [file, threadId, userId, count] = process.argv.slice(2).map((v, i) => (i === 0 ? v : Number(v))) as [string, number, number, number];
const db = openDb(file);
let now = Date.now();
for (let i = 0; i < count; i++) {
  now += 60_000; // past the per-user interval: this test is about concurrency, not the rate limit
  postComment(db, { id: userId }, { threadId, parentId: null, body: `user ${userId} comment ${i}` }, now);
}
db.$client.close();
