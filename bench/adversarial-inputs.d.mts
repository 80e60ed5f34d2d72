/** Types of bench/adversarial-inputs.mjs (so TypeScript tests can reuse the generators). */
export interface AdversarialInput {
  text: string;
  /** Engine settings the input needs, e.g. a lifted lineLengthLimit. */
  settings?: { lineLengthLimit?: number };
}

/** name → generator of an input of about `size` bytes. */
export declare const INPUTS: Record<string, (size: number) => AdversarialInput>;
