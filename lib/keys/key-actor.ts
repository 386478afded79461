/** Who manages a team's keys: taken from TeamContext by the server action, never from the form. */
export type KeyActor = { teamId: string; userId: string }
