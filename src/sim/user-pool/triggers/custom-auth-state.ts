// What a CUSTOM_AUTH sign-in carries from one Session to the next: the rounds so far (the `session` array the define
// and create auth challenge triggers receive) and the open challenge's private parameters (only the verify trigger
// sees them; they never reach the app).

/** One round, as AWS's ChallengeResult [V COGDOC user-pool-lambda-define-auth-challenge.md]. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  /** The create trigger's challengeMetadata; null when it gave none. */
  challengeMetadata: string | null;
}

export interface CustomAuthState {
  history: ChallengeResult[];
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
  /** With PreventUserExistenceErrors ENABLED a sign-in for an unknown user still runs the triggers. */
  userNotFound: boolean;
}
