/** A step input that cannot be used; the message names the input. Both Actions raise it before any request. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
