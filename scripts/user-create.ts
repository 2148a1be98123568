/**
 * `npm run user:create -- --email E --password P --name N [--role user|moderator|admin]`:
 * creates the account, or updates its name, password and role (ending its sessions).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { upsertUser } from '@/db/mutations/users';
import { openDb } from '@/db/open';
import { emailSchema, nameSchema, passwordSchema } from '@/lib/validation';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'user' } },
});

const input = z
  .object({ email: emailSchema, password: passwordSchema, name: nameSchema, role: z.enum(['user', 'moderator', 'admin']) })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
  console.error('usage: npm run user:create -- --email E --password P --name N [--role user|moderator|admin]');
  process.exit(2);
}

const db = openDb();
const result = await upsertUser(db, input.data);
db.$client.close();
console.log(`${result.created ? 'created' : 'updated'} ${input.data.role} #${result.id} <${input.data.email}>`);
