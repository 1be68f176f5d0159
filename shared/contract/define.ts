import type { z } from 'zod';

/** A method of the contract: its input schema, and its output type carried as a phantom. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time; only carries the output type. */
  readonly output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}
