import { redirect } from 'next/navigation';

// Readers without a session land in this tree: the admin page starts with logging in.
export default function AdminSignedOut() {
  redirect('/login?callbackUrl=%2Fadmin');
}
