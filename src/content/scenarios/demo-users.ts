// The default world's demo users, as scenarios and the UI refer to them. Content may not import the
// simulator at run time, so the passwords are repeated here; a test checks they match the world's.
export const DEMO = {
  alice: { username: 'alice', email: 'alice@example.com', password: 'Alice#Passw0rd' },
  bob: { username: 'bob', email: 'bob@example.com', password: 'Bob#Passw0rd1' },
} as const;
