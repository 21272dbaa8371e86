// AWS errors as values: a literal code, AWS's exact message and the HTTP status. Operations throw
// them; the wire layer turns them into the service's error response. Anything else thrown is a bug
// in the simulator and becomes a 500 InternalErrorException, never an exception to the caller.

export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members for the error body (e.g. DynamoDB's Item on a failed condition). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;
