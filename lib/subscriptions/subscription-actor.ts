/** Who acts on a subscription: taken from TeamContext by the server action, never from the form. */
export type SubscriptionActor = { teamId: string; userId: string }
