/** The signed-in reader as every page and permission sees them: never more than this. */
export type Viewer = {
  id: number;
  name: string;
  role: 'user' | 'moderator' | 'admin';
  banned: boolean;
};
