/**
 * The error every function in the library throws for bad input, instead of returning NaN.
 *
 * Its message starts with the function's name, then says what is wrong and what was
 * received: `mseLoss: input has 2 values but target has 1`.
 *
 * @example new LossInputError('mseLoss: input is empty').name // => 'LossInputError'
 */
export class LossInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LossInputError';
  }
}
