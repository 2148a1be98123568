import { redirect } from 'next/navigation';

// Readers without a session land in this tree: the account page starts with logging in.
export default function AccountSignedOut() {
  redirect('/login?callbackUrl=%2Faccount');
}
