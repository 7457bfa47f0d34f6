/**
 * A tab the add-on owns (or a user's tab holding columns it owns) whose header row cannot be read
 * safely: a title row inserted above it, the header row deleted or moved, two columns claiming one
 * meaning. Nothing is written anywhere, by any path, until a person fixes it; the message says which
 * tab and what to do.
 */
export class UnreadableTabError extends Error {
  constructor(
    readonly tab: string,
    message: string,
  ) {
    super(message);
  }
}
